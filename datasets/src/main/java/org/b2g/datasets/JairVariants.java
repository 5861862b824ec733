package org.b2g.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;

/**
 * Seeded variants of a B2B benchmark instance with the side constraints of the literature's variant families:
 * forbidden slots, fixed meetings and precedences. Each feasible variant is derived from a <em>witness</em>, a
 * schedule of the original that breaks no rule: forbidden slots are slots the witness leaves its participant free,
 * fixed meetings take their witness slot, and precedences follow the witness's order (earlier slot first), so the
 * witness stays a schedule of the variant. The variant's optimum therefore lies between the original's optimum
 * (constraints only remove schedules) and the witness's breaks. The infeasible families break the order on purpose,
 * each for a reason a person can name.
 */
final class JairVariants {

    /** A family of variants: its name, whether its variants have a schedule, and what it adds. */
    enum Family {
        FORBIDDEN("forbidden", true, "a quarter of the participants lose some slots the witness leaves them free"),
        FIXED10("fixed10", true, "10% of the meetings fixed to their witness slot"),
        FIXED20("fixed20", true, "20% of the meetings fixed to their witness slot"),
        PREC33("prec33", true, "precedences in the witness's order binding a third of the meetings"),
        PREC50("prec50", true, "precedences in the witness's order binding half of the meetings"),
        MIXED("mixed", true, "forbidden slots, 10% fixed and precedences binding a third, together"),
        CYCLE("cycle", false, "precedences binding a third, one of them closing a cycle"),
        CHAIN("chain", false, "a chain of precedences one meeting longer than the slots"),
        SQUEEZE("squeeze", false, "a chain that leaves the busiest participant one slot short for its meetings");

        final String id;
        final boolean feasible;
        final String description;

        Family(String id, boolean feasible, String description) {
            this.id = id;
            this.feasible = feasible;
            this.description = description;
        }

        static Family of(String id) {
            for (Family family : values()) {
                if (family.id.equals(id)) {
                    return family;
                }
            }
            throw new IllegalArgumentException("The family (" + id + ") is not one of "
                    + Arrays.stream(values()).map(f -> f.id).toList() + ".");
        }
    }

    /** One variant: its name ({@code original.family}), the event, and what was added, in words. */
    record Variant(String name, Family family, Event event, String note) {
    }

    private final Event original;
    private final String name;
    /** The witness's slot of every meeting, 1-based, in the event's meeting order. */
    private final int[] witness;
    private final long seed;

    /**
     * @param witness a schedule of {@code original} without any broken rule: the slot of every meeting (1-based)
     */
    JairVariants(Event original, String name, int[] witness, long seed) {
        if (witness.length != original.meetings().size()) {
            throw new IllegalArgumentException("The witness has " + witness.length + " slots for "
                    + original.meetings().size() + " meetings.");
        }
        for (int s : witness) {
            if (s < 1 || s > original.slotCount()) {
                throw new IllegalArgumentException("The witness slot (" + s + ") is outside 1.." + original.slotCount()
                        + ".");
            }
        }
        this.original = original;
        this.name = name;
        this.witness = witness.clone();
        this.seed = seed;
    }

    /** The variant of {@code family}; the same seed, original and witness give the same variant. */
    Variant variant(Family family) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode() * 31L
                + family.ordinal());
        List<Participant> participants = original.participants();
        List<RequiredMeeting> meetings = original.meetings();
        String note;
        switch (family) {
            case FORBIDDEN -> {
                participants = forbidden(random);
                note = forbiddenNote(participants);
            }
            case FIXED10, FIXED20 -> {
                meetings = fixed(meetings, family == Family.FIXED10 ? 0.10 : 0.20, random);
                note = fixedNote(meetings);
            }
            case PREC33, PREC50 -> {
                meetings = precedences(meetings, family == Family.PREC33 ? 1.0 / 3 : 0.5, random);
                note = precedenceNote(meetings);
            }
            case MIXED -> {
                participants = forbidden(random);
                meetings = precedences(fixed(meetings, 0.10, random), 1.0 / 3, random);
                note = forbiddenNote(participants) + "; " + fixedNote(meetings) + "; " + precedenceNote(meetings);
            }
            case CYCLE -> {
                meetings = cycle(precedences(meetings, 1.0 / 3, random), random);
                note = precedenceNote(meetings) + "; one closes a cycle";
            }
            case CHAIN -> {
                meetings = chain(meetings, random);
                note = "a chain of " + (original.slotCount() + 1) + " meetings in " + original.slotCount() + " slots";
            }
            case SQUEEZE -> {
                int[] squeezed = new int[1];
                meetings = squeeze(meetings, random, squeezed);
                note = "participant " + squeezed[0] + "'s meetings must all follow a chain that leaves it one slot"
                        + " short";
            }
            default -> throw new IllegalStateException(family.toString());
        }
        String id = name + "." + family.id;
        Event event = new Event(id, id, original.timeZone(), original.slotMinutes(), original.sessions(),
                original.slots(), original.tables(), participants, meetings, original.requests(),
                original.exclusions(), original.rules());
        return new Variant(id, family, event, note);
    }

    // ---------------------------------------------------------------- forbidden slots

    private List<Participant> forbidden(SplittableRandom random) {
        List<Participant> participants = new ArrayList<>(original.participants());
        boolean[][] busy = busy();
        int chosen = Math.max(1, participants.size() / 4);
        for (int p : sample(participants.size(), chosen, random)) {
            Participant participant = participants.get(p);
            List<Integer> free = new ArrayList<>();
            for (int s = 1; s <= original.slotCount(); s++) {
                if (!busy[p][s] && participant.isAvailable(s)) {
                    free.add(s);
                }
            }
            if (free.isEmpty()) {
                continue;
            }
            Set<Integer> unavailable = new HashSet<>(participant.unavailableSlots());
            int count = 1 + random.nextInt(Math.max(1, free.size() / 2));
            for (int i : sample(free.size(), count, random)) {
                unavailable.add(free.get(i));
            }
            participants.set(p, new Participant(participant.id(), participant.index(), participant.role(),
                    participant.name(), participant.representatives(), participant.minMeetings(),
                    participant.maxMeetings(), unavailable, participant.homeTable(), participant.offerings(),
                    participant.needs(), participant.englishName()));
        }
        return participants;
    }

    private String forbiddenNote(List<Participant> participants) {
        int people = 0;
        int slots = 0;
        for (int p = 0; p < participants.size(); p++) {
            int added = participants.get(p).unavailableSlots().size()
                    - original.participants().get(p).unavailableSlots().size();
            if (added > 0) {
                people++;
                slots += added;
            }
        }
        return slots + " slots forbidden to " + people + " participants";
    }

    /** busy[p][s]: participant p (by index) meets somebody in slot s in the witness. */
    private boolean[][] busy() {
        boolean[][] busy = new boolean[original.participants().size()][original.slotCount() + 1];
        for (int m = 0; m < witness.length; m++) {
            RequiredMeeting meeting = original.meetings().get(m);
            busy[original.participant(meeting.first()).index()][witness[m]] = true;
            busy[original.participant(meeting.second()).index()][witness[m]] = true;
        }
        return busy;
    }

    // ---------------------------------------------------------------- fixed meetings

    private List<RequiredMeeting> fixed(List<RequiredMeeting> meetings, double fraction, SplittableRandom random) {
        List<RequiredMeeting> result = new ArrayList<>(meetings);
        for (int m : sample(meetings.size(), (int) Math.round(fraction * meetings.size()), random)) {
            RequiredMeeting meeting = meetings.get(m);
            result.set(m, new RequiredMeeting(meeting.id(), meeting.first(), meeting.second(), meeting.session(),
                    witness[m], meeting.fixedTable(), meeting.after()));
        }
        return result;
    }

    private static String fixedNote(List<RequiredMeeting> meetings) {
        long fixed = meetings.stream().filter(m -> m.fixedSlot() > 0).count();
        return fixed + " of " + meetings.size() + " meetings fixed";
    }

    // ---------------------------------------------------------------- precedences

    /**
     * Chains of 2 to half the slots' meetings, each next one later in the witness (often a partner's next meeting,
     * often the very next slot, so that the chains are tight), until the chains bind {@code fraction} of the meetings.
     */
    private List<RequiredMeeting> precedences(List<RequiredMeeting> meetings, double fraction,
            SplittableRandom random) {
        int n = meetings.size();
        List<Set<Integer>> earlier = new ArrayList<>();
        for (RequiredMeeting meeting : meetings) {
            Set<Integer> set = new LinkedHashSet<>();
            meeting.after().forEach(id -> set.add(Integer.parseInt(id) - 1));
            earlier.add(set);
        }
        List<List<Integer>> ofParticipant = new ArrayList<>();
        original.participants().forEach(p -> ofParticipant.add(new ArrayList<>()));
        for (int m = 0; m < n; m++) {
            ofParticipant.get(original.participant(meetings.get(m).first()).index()).add(m);
            ofParticipant.get(original.participant(meetings.get(m).second()).index()).add(m);
        }
        boolean[] bound = new boolean[n];
        int boundCount = 0;
        for (int m = 0; m < n; m++) {
            if (!earlier.get(m).isEmpty()) {
                boundCount += bound[m] ? 0 : 1;
                bound[m] = true;
                for (int e : earlier.get(m)) {
                    boundCount += bound[e] ? 0 : 1;
                    bound[e] = true;
                }
            }
        }
        int target = (int) Math.ceil(fraction * n);
        int longest = Math.max(2, original.slotCount() / 2);
        for (int attempt = 0; boundCount < target && attempt < 100 * n; attempt++) {
            int current = random.nextInt(n);
            int length = 2 + random.nextInt(longest - 1);
            for (int k = 1; k < length; k++) {
                List<Integer> later = new ArrayList<>();
                if (random.nextBoolean()) {
                    RequiredMeeting meeting = meetings.get(current);
                    for (String p : List.of(meeting.first(), meeting.second())) {
                        for (int x : ofParticipant.get(original.participant(p).index())) {
                            if (witness[x] > witness[current]) {
                                later.add(x);
                            }
                        }
                    }
                } else {
                    for (int i = 0; i < 12; i++) {
                        int x = random.nextInt(n);
                        if (witness[x] > witness[current]) {
                            later.add(x);
                        }
                    }
                }
                if (later.isEmpty()) {
                    break;
                }
                int next = later.get(random.nextInt(later.size()));
                if (random.nextBoolean()) {
                    for (int x : later) {
                        if (witness[x] < witness[next]) {
                            next = x;
                        }
                    }
                }
                earlier.get(next).add(current);
                for (int x : new int[] {current, next}) {
                    if (!bound[x]) {
                        bound[x] = true;
                        boundCount++;
                    }
                }
                current = next;
            }
        }
        return withEarlier(meetings, earlier);
    }

    private static List<RequiredMeeting> withEarlier(List<RequiredMeeting> meetings, List<Set<Integer>> earlier) {
        List<RequiredMeeting> result = new ArrayList<>(meetings.size());
        for (int m = 0; m < meetings.size(); m++) {
            RequiredMeeting meeting = meetings.get(m);
            List<String> after = earlier.get(m).stream().sorted().map(e -> String.valueOf(e + 1)).toList();
            result.add(new RequiredMeeting(meeting.id(), meeting.first(), meeting.second(), meeting.session(),
                    meeting.fixedSlot(), meeting.fixedTable(), after));
        }
        return result;
    }

    private static String precedenceNote(List<RequiredMeeting> meetings) {
        Set<String> bound = new HashSet<>();
        int edges = 0;
        for (RequiredMeeting meeting : meetings) {
            if (!meeting.after().isEmpty()) {
                bound.add(meeting.id());
                bound.addAll(meeting.after());
                edges += meeting.after().size();
            }
        }
        return edges + " precedences binding " + bound.size() + " of " + meetings.size() + " meetings ("
                + Math.round(100.0 * bound.size() / meetings.size()) + "%)";
    }

    // ---------------------------------------------------------------- infeasible on purpose

    /** Adds one precedence against a path of two or more (or, lacking one, against a single precedence). */
    private List<RequiredMeeting> cycle(List<RequiredMeeting> meetings, SplittableRandom random) {
        List<Set<Integer>> earlier = new ArrayList<>();
        meetings.forEach(m -> {
            Set<Integer> set = new LinkedHashSet<>();
            m.after().forEach(id -> set.add(Integer.parseInt(id) - 1));
            earlier.add(set);
        });
        List<int[]> paths = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (int c = 0; c < meetings.size(); c++) {
            for (int b : earlier.get(c)) {
                edges.add(new int[] {b, c});
                for (int a : earlier.get(b)) {
                    paths.add(new int[] {a, c});
                }
            }
        }
        int[] pair;
        if (!paths.isEmpty()) {
            pair = paths.get(random.nextInt(paths.size()));
        } else if (!edges.isEmpty()) {
            pair = edges.get(random.nextInt(edges.size()));
        } else {
            pair = new int[] {0, 1};
            earlier.get(1).add(0);
        }
        earlier.get(pair[0]).add(pair[1]); // the first of the path must now follow its last
        return withEarlier(meetings, earlier);
    }

    private List<RequiredMeeting> chain(List<RequiredMeeting> meetings, SplittableRandom random) {
        int length = Math.min(meetings.size(), original.slotCount() + 1);
        int[] members = sample(meetings.size(), length, random);
        List<Set<Integer>> earlier = new ArrayList<>();
        meetings.forEach(m -> earlier.add(new LinkedHashSet<>()));
        for (int i = 1; i < members.length; i++) {
            earlier.get(members[i]).add(members[i - 1]);
        }
        return withEarlier(meetings, earlier);
    }

    /**
     * The busiest participant's k meetings all follow a chain of T - k + 1 other meetings: each meeting alone still
     * has a slot, but together they need k slots after the chain's end and only k - 1 remain.
     */
    private List<RequiredMeeting> squeeze(List<RequiredMeeting> meetings, SplittableRandom random, int[] who) {
        int busiest = 0;
        int[] count = new int[original.participants().size()];
        for (RequiredMeeting meeting : meetings) {
            for (String p : List.of(meeting.first(), meeting.second())) {
                int i = original.participant(p).index();
                if (++count[i] > count[busiest]) {
                    busiest = i;
                }
            }
        }
        String id = original.participants().get(busiest).id();
        who[0] = busiest + 1;
        List<Integer> own = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int m = 0; m < meetings.size(); m++) {
            RequiredMeeting meeting = meetings.get(m);
            (meeting.first().equals(id) || meeting.second().equals(id) ? own : others).add(m);
        }
        int length = Math.max(1, Math.min(others.size(), original.slotCount() - own.size() + 1));
        int[] picked = sample(others.size(), length, random);
        List<Set<Integer>> earlier = new ArrayList<>();
        meetings.forEach(m -> earlier.add(new LinkedHashSet<>()));
        for (int i = 1; i < picked.length; i++) {
            earlier.get(others.get(picked[i])).add(others.get(picked[i - 1]));
        }
        int last = others.get(picked[picked.length - 1]);
        for (int m : own) {
            earlier.get(m).add(last);
        }
        return withEarlier(meetings, earlier);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code k} distinct numbers of 0..n-1 in random order. */
    private static int[] sample(int n, int k, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        k = Math.min(k, n);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }
}
