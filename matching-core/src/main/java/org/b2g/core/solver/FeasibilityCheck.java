package org.b2g.core.solver;

import static org.b2g.core.solver.Wording.and;
import static org.b2g.core.solver.Wording.capitalized;
import static org.b2g.core.solver.Wording.count;
import static org.b2g.core.solver.Wording.who;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;

/**
 * Finds, in milliseconds and before solving, causes that make an event's required meetings impossible to schedule,
 * so that an organizer reads "Participant 17 has 23 required meetings but only 22 slots it can attend." instead of
 * waiting for a solver that cannot succeed. Each check is a necessary condition (a counting or ordering argument);
 * passing them all does not prove that a schedule exists.
 */
public final class FeasibilityCheck {

    private final Event event;
    private final List<RequiredMeeting> meetings;
    private final int slotCount;
    private final int tableCount;
    /** Slots each required meeting may take (its fixed slot, or those both can attend in its session). */
    private final BitSet[] allowed;
    /** Slots a repair found started: closed in the event it checks, which is no one's unavailability. */
    private final Set<Integer> started;
    private final List<String> problems = new ArrayList<>();

    private FeasibilityCheck(Event event, Set<Integer> started) {
        this.event = event;
        this.started = started;
        this.meetings = event.meetings();
        this.slotCount = event.slotCount();
        this.tableCount = event.tables().size();
        this.allowed = new BitSet[meetings.size()];
    }

    /** One sentence per cause, e.g. "Participant 17 has 23 required meetings but only 22 slots it can attend."; empty when none is found. */
    public static List<String> problems(Event event) {
        return problems(event, Set.of());
    }

    /**
     * As {@link #problems(Event)} for the event of a repair, in which the slots that have started are closed to
     * everybody but the participants of the meetings held there: a meeting kept out of such a slot is told that it
     * has started, not that a participant is unavailable there.
     */
    public static List<String> problems(Event event, Set<Integer> started) {
        FeasibilityCheck check = new FeasibilityCheck(event, started);
        check.checkMeetings();
        check.checkParticipants();
        check.checkFixedSlots();
        check.checkCapacity();
        check.checkPrecedences();
        return List.copyOf(check.problems);
    }

    // ---------------------------------------------------------------- one meeting at a time

    private void checkMeetings() {
        for (int m = 0; m < meetings.size(); m++) {
            RequiredMeeting meeting = meetings.get(m);
            Participant first = event.participant(meeting.first());
            Participant second = event.participant(meeting.second());
            Session session = meeting.session() == null ? null : event.session(meeting.session());
            for (Exclusion exclusion : event.exclusions()) {
                if (exclusion.covers(first.id(), second.id())) {
                    problems.add(capitalized(describe(meeting)) + " is required but " + who(first) + " and "
                            + who(second) + " must not meet"
                            + (exclusion.reason() == null || exclusion.reason().isBlank()
                                    ? "" : " (" + exclusion.reason() + ")") + ".");
                    break;
                }
            }
            BitSet slots = new BitSet(slotCount + 1);
            int fixed = meeting.fixedSlot();
            if (fixed > 0) {
                boolean fits = true;
                if (started.contains(fixed) && !(first.isAvailable(fixed) && second.isAvailable(fixed))) {
                    problems.add(capitalized(describe(meeting)) + " is fixed to " + slot(fixed)
                            + ", which has started.");
                    fits = false;
                } else {
                    for (Participant participant : List.of(first, second)) {
                        if (!participant.isAvailable(fixed)) {
                            problems.add(capitalized(describe(meeting)) + " is fixed to " + slot(fixed) + ", where "
                                    + who(participant) + " is unavailable.");
                            fits = false;
                        }
                    }
                }
                if (session != null && !session.contains(fixed)) {
                    problems.add(capitalized(describe(meeting)) + " is fixed to " + slot(fixed)
                            + ", outside its " + describe(session) + ".");
                    fits = false;
                }
                if (fits) {
                    slots.set(fixed);
                }
            } else {
                int from = session == null ? 1 : session.firstSlot();
                int to = session == null ? slotCount : session.lastSlot();
                boolean someStarted = false;
                for (int s = from; s <= to; s++) {
                    if (first.isAvailable(s) && second.isAvailable(s)) {
                        slots.set(s);
                    }
                    someStarted |= started.contains(s);
                }
                if (slots.isEmpty()) {
                    problems.add(capitalized(describe(meeting)) + " has no slot both can attend"
                            + (session == null ? "" : " in " + describe(session))
                            + (someStarted ? " among those that have not started" : "") + ".");
                }
            }
            allowed[m] = slots;
        }
    }

    // ---------------------------------------------------------------- participants

    private void checkParticipants() {
        List<List<Integer>> meetingsOf = new ArrayList<>();
        for (int p = 0; p < event.participants().size(); p++) {
            meetingsOf.add(new ArrayList<>());
        }
        for (int m = 0; m < meetings.size(); m++) {
            meetingsOf.get(event.participant(meetings.get(m).first()).index()).add(m);
            meetingsOf.get(event.participant(meetings.get(m).second()).index()).add(m);
        }
        for (Participant participant : event.participants()) {
            List<Integer> own = meetingsOf.get(participant.index());
            if (own.isEmpty()) {
                continue;
            }
            if (own.size() > participant.maxMeetings()) {
                problems.add(who(participant) + " has " + count(own.size(), "required meeting", "required meetings")
                        + " but accepts at most "
                        + participant.maxMeetings() + ".");
            }
            boolean reported = false;
            for (Session session : event.sessions()) {
                List<Integer> bound = own.stream()
                        .filter(m -> session.id().equals(meetings.get(m).session())).toList();
                if (!bound.isEmpty()) {
                    reported |= checkRoom(participant, bound, session);
                }
            }
            if (!reported) { // a session's shortage shows in the whole day too: say it once
                reported = checkRoom(participant, own, null);
            }
            if (!reported && event.rules().capsBreaks()) {
                checkBreaks(participant, own, event.rules().maxBreaksPerParticipant());
            }
        }
    }

    /**
     * The break cap for one participant: without a break its meetings lie in one run of consecutive slots a day, and
     * each break allowed adds one run, so the longest run of each day and the {@code cap} longest others bound how
     * many fit. Without this check, a day split by slots where a participant or its partners are away left the
     * solver searching to its limit for a schedule that cannot exist.
     */
    private void checkBreaks(Participant participant, List<Integer> own, int cap) {
        BitSet usable = new BitSet(slotCount + 1);
        for (int m : own) {
            usable.or(allowed[m]);
        }
        List<int[]> runs = new ArrayList<>(); // first and last slot
        Map<Integer, Integer> longestOfDay = new LinkedHashMap<>();
        for (int s = usable.nextSetBit(1); s >= 0; s = usable.nextSetBit(s + 1)) {
            int day = event.slot(s).dayIndex();
            int last = s;
            while (usable.get(last + 1) && event.slot(last + 1).dayIndex() == day) {
                last++;
            }
            int[] run = {s, last};
            runs.add(run);
            Integer longest = longestOfDay.get(day);
            if (longest == null || length(runs.get(longest)) < length(run)) {
                longestOfDay.put(day, runs.size() - 1);
            }
            s = last;
        }
        int slots = 0;
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (longestOfDay.containsValue(i)) {
                slots += length(runs.get(i));
            } else {
                others.add(length(runs.get(i)));
            }
        }
        others.sort(Comparator.reverseOrder());
        for (int i = 0; i < Math.min(cap, others.size()); i++) {
            slots += others.get(i);
        }
        long fit = (long) slots * participant.representatives();
        List<Integer> placeable = own.stream().filter(m -> !allowed[m].isEmpty()).toList();
        List<String> described = runs.stream()
                .map(run -> run[0] == run[1] ? String.valueOf(run[0]) : run[0] + "–" + run[1]).toList();
        String allowedRuns = (longestOfDay.size() == 1 ? "one run" : "one run a day")
                + (cap == 0 ? "" : " and " + count(cap, "more", "more"));
        String start = who(participant) + " has " + count(placeable.size(), "required meeting", "required meetings")
                + " but may have " + (cap == 0 ? "no break" : "at most " + count(cap, "break", "breaks"))
                + " (maxBreaksPerParticipant): the slots they can take run " + and(described) + ", and ";
        if (placeable.size() > fit) {
            problems.add(start + allowedRuns + (cap == 0 ? " holds" : " hold") + " only " + fit + " of them.");
        } else if (runs.size() - longestOfDay.size() > cap
                && !someRunsHold(placeable, runs, cap, participant.representatives())) {
            problems.add(start + (cap == 0 ? "no " + allowedRuns : "no choice of " + allowedRuns)
                    + " holds them all in the slots each of them may take (its session, both participants'"
                    + " availability).");
        }
    }

    /** Most choices of runs {@link #someRunsHold} tries; beyond it the participant passes (the check stays sound). */
    private static final int MAX_RUN_CHOICES = 20_000;

    /**
     * Whether some choice of {@code runs} with at most {@code cap} runs beyond the first of each day it uses can
     * hold {@code own}, each meeting in a slot it may take, at most {@code seats} a slot: a matching of meetings to
     * slots. The count of slots in {@link #checkBreaks} misses a participant away at lunch whose meetings include a
     * morning one: its afternoon run is long enough for all of them, yet that one needs the morning (forum-14 with
     * no break allowed).
     */
    private boolean someRunsHold(List<Integer> own, List<int[]> runs, int cap, int seats) {
        int[] tries = {0};
        return choose(own, runs, 0, new ArrayList<>(), cap, seats, tries) || tries[0] > MAX_RUN_CHOICES;
    }

    /** Tries every choice of the runs from {@code next} on, added to {@code chosen}, within {@code cap} extra runs. */
    private boolean choose(List<Integer> own, List<int[]> runs, int next, List<int[]> chosen, int cap, int seats,
            int[] tries) {
        if (next == runs.size()) {
            return ++tries[0] > MAX_RUN_CHOICES || holds(own, chosen, seats);
        }
        int[] run = runs.get(next);
        int day = event.slot(run[0]).dayIndex();
        boolean dayUsed = chosen.stream().anyMatch(c -> event.slot(c[0]).dayIndex() == day);
        int extra = dayUsed ? 1 : 0;
        if (extra <= cap) {
            chosen.add(run);
            boolean found = choose(own, runs, next + 1, chosen, cap - extra, seats, tries);
            chosen.remove(chosen.size() - 1);
            if (found) {
                return true;
            }
        }
        // Leaving a run out only helps when the choice is full (a run that costs nothing is always worth taking).
        return extra > 0 || dayUsedLater(runs, next, day)
                ? choose(own, runs, next + 1, chosen, cap, seats, tries) : false;
    }

    /** Whether a run after {@code index} lies on {@code day}, so that leaving this one out can still use the day. */
    private boolean dayUsedLater(List<int[]> runs, int index, int day) {
        for (int i = index + 1; i < runs.size(); i++) {
            if (event.slot(runs.get(i)[0]).dayIndex() == day) {
                return true;
            }
        }
        return false;
    }

    /** A matching of {@code own} into the slots of {@code chosen}, {@code seats} meetings a slot (augmenting paths). */
    private boolean holds(List<Integer> own, List<int[]> chosen, int seats) {
        BitSet open = new BitSet(slotCount + 1);
        for (int[] run : chosen) {
            open.set(run[0], run[1] + 1);
        }
        Map<Integer, List<Integer>> taken = new HashMap<>();
        for (int m : own) {
            if (!augment(m, open, seats, taken, new BitSet(slotCount + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean augment(int m, BitSet open, int seats, Map<Integer, List<Integer>> taken, BitSet seen) {
        BitSet slots = (BitSet) allowed[m].clone();
        slots.and(open);
        for (int s = slots.nextSetBit(0); s >= 0; s = slots.nextSetBit(s + 1)) {
            if (seen.get(s)) {
                continue;
            }
            seen.set(s);
            List<Integer> here = taken.computeIfAbsent(s, k -> new ArrayList<>(seats));
            if (here.size() < seats) {
                here.add(m);
                return true;
            }
            for (int i = 0; i < here.size(); i++) {
                int other = here.get(i);
                if (augment(other, open, seats, taken, seen)) {
                    here.set(i, m);
                    return true;
                }
            }
        }
        return false;
    }

    private static int length(int[] run) {
        return run[1] - run[0] + 1;
    }

    /**
     * Hall's condition for one participant: its meetings need that many places in the slots they may take. Meetings
     * without any slot are left out (already reported), and so are fixed ones when counting the partners' slots
     * (their clashes are reported with the fixed slots). Returns whether it reported a problem.
     */
    private boolean checkRoom(Participant participant, List<Integer> own, Session session) {
        List<Integer> placeable = own.stream().filter(m -> !allowed[m].isEmpty()).toList();
        long attendable = 0;
        for (Slot slot : event.slots()) {
            if ((session == null || session.contains(slot.index())) && participant.isAvailable(slot.index())) {
                attendable++;
            }
        }
        BitSet usable = new BitSet(slotCount + 1);
        int free = 0;
        for (int m : placeable) {
            if (meetings.get(m).fixedSlot() == 0) {
                usable.or(allowed[m]);
                free++;
            }
        }
        int reps = participant.representatives();
        String where = session == null ? "" : " in " + describe(session);
        String withReps = reps == 1 ? "" : " with " + reps + " representatives";
        if (placeable.size() > reps * attendable) {
            problems.add(who(participant) + " has " + count(placeable.size(), "required meeting", "required meetings")
                    + where + " but only " + count(attendable, "slot", "slots") + " it can attend"
                    + (session == null ? "" : " there") + withReps + ".");
        } else if (free > (long) reps * usable.cardinality()) {
            problems.add(who(participant) + " has " + count(free, "required meeting", "required meetings") + where
                    + " but its partners leave only " + count(usable.cardinality(), "slot", "slots") + " for them"
                    + withReps + ".");
        } else {
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- fixed slots and tables

    private void checkFixedSlots() {
        Map<Integer, List<RequiredMeeting>> bySlot = new LinkedHashMap<>();
        Map<String, List<RequiredMeeting>> byTable = new LinkedHashMap<>();
        for (RequiredMeeting meeting : meetings) {
            if (meeting.fixedSlot() > 0) {
                bySlot.computeIfAbsent(meeting.fixedSlot(), s -> new ArrayList<>()).add(meeting);
            }
            if (meeting.fixedTable() != null) {
                byTable.computeIfAbsent(meeting.fixedTable(), t -> new ArrayList<>()).add(meeting);
            }
        }
        for (Map.Entry<Integer, List<RequiredMeeting>> entry : bySlot.entrySet()) {
            int slot = entry.getKey();
            List<RequiredMeeting> fixed = entry.getValue();
            if (fixed.size() > tableCount) {
                problems.add(capitalized(slot(slot)) + " has " + fixed.size() + " fixed meetings but there are only "
                        + count(tableCount, "table", "tables") + ".");
            }
            Map<String, List<String>> byParticipant = new LinkedHashMap<>();
            Map<String, List<String>> atTable = new LinkedHashMap<>();
            for (RequiredMeeting meeting : fixed) {
                byParticipant.computeIfAbsent(meeting.first(), p -> new ArrayList<>()).add(meeting.id());
                byParticipant.computeIfAbsent(meeting.second(), p -> new ArrayList<>()).add(meeting.id());
                if (meeting.fixedTable() != null) {
                    atTable.computeIfAbsent(meeting.fixedTable(), t -> new ArrayList<>()).add(meeting.id());
                }
            }
            byParticipant.forEach((id, ids) -> {
                Participant participant = event.participant(id);
                if (ids.size() > participant.representatives()) {
                    problems.add(who(participant) + " has " + ids.size() + " meetings fixed to " + slot(slot)
                            + " (" + and(ids) + ") but sends "
                            + count(participant.representatives(), "representative", "representatives") + ".");
                }
            });
            atTable.forEach((table, ids) -> {
                if (ids.size() > 1) {
                    problems.add("Meetings " + and(ids) + " are all fixed to " + table(table) + " in " + slot(slot)
                            + ".");
                }
            });
        }
        byTable.forEach((table, fixed) -> {
            // Meetings with a fixed table but a free slot need that many slots the table still has free.
            BitSet taken = new BitSet(slotCount + 1);
            BitSet usable = new BitSet(slotCount + 1);
            int free = 0;
            for (int m = 0; m < meetings.size(); m++) {
                RequiredMeeting meeting = meetings.get(m);
                if (!table.equals(meeting.fixedTable())) {
                    continue;
                }
                if (meeting.fixedSlot() > 0) {
                    taken.set(meeting.fixedSlot());
                } else if (!allowed[m].isEmpty()) {
                    usable.or(allowed[m]);
                    free++;
                }
            }
            usable.andNot(taken);
            if (free > usable.cardinality()) {
                problems.add(capitalized(table(table)) + " has " + free + " meetings fixed to it but only "
                        + count(usable.cardinality(), "free slot", "free slots") + " they can take.");
            }
        });
    }

    // ---------------------------------------------------------------- places overall and per session

    private void checkCapacity() {
        long places = (long) slotCount * tableCount;
        if (meetings.size() > places) {
            problems.add("There are " + meetings.size() + " required meetings but only " + slotCount + " slots × "
                    + count(tableCount, "table", "tables") + " = " + places + " places.");
        }
        for (Session session : event.sessions()) {
            long bound = meetings.stream().filter(m -> session.id().equals(m.session())).count();
            long sessionPlaces = (long) session.slotCount() * tableCount;
            if (bound > sessionPlaces) {
                problems.add(capitalized(describe(session)) + " has " + bound + " required meetings bound to it but"
                        + " only " + session.slotCount() + " slots × " + count(tableCount, "table", "tables")
                        + " = " + sessionPlaces + " places.");
            }
        }
    }

    // ---------------------------------------------------------------- precedences

    private void checkPrecedences() {
        Map<String, Integer> index = new HashMap<>();
        for (int m = 0; m < meetings.size(); m++) {
            index.put(meetings.get(m).id(), m);
        }
        int n = meetings.size();
        List<List<Integer>> before = new ArrayList<>(n);
        List<List<Integer>> after = new ArrayList<>(n);
        for (int m = 0; m < n; m++) {
            before.add(new ArrayList<>());
            after.add(new ArrayList<>());
        }
        for (int m = 0; m < n; m++) {
            for (String earlierId : meetings.get(m).after()) {
                Integer earlier = index.get(earlierId);
                if (earlier == null) {
                    problems.add(capitalized(describe(meetings.get(m))) + " must come after meeting " + earlierId
                            + ", which is not a required meeting.");
                    continue;
                }
                before.get(m).add(earlier);
                after.get(earlier).add(m);
            }
        }
        boolean[] cyclic = reportCycles(after);
        int[] earliest = propagateEarliestSlots(before, after, cyclic);
        int[] latest = latestSlots(before, after, cyclic);
        checkWindows(earliest, latest);
    }

    /**
     * The latest slot of each meeting before all its successors (0 when blocked), the mirror of the earliest slots:
     * meetings in reverse precedence order, each in its last allowed slot before every successor's latest.
     */
    private int[] latestSlots(List<List<Integer>> before, List<List<Integer>> after, boolean[] cyclic) {
        int n = meetings.size();
        int[] pending = new int[n];
        int[] latest = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int m = 0; m < n; m++) {
            pending[m] = after.get(m).size();
            if (pending[m] == 0 && !cyclic[m]) {
                ready.add(m);
            }
        }
        while (!ready.isEmpty()) {
            int m = ready.poll();
            int bound = slotCount;
            boolean blocked = allowed[m].isEmpty();
            for (int l : after.get(m)) {
                if (latest[l] == 0) {
                    blocked = true;
                } else {
                    bound = Math.min(bound, latest[l] - 1);
                }
            }
            latest[m] = blocked || bound < 1 ? 0 : Math.max(0, allowed[m].previousSetBit(bound));
            for (int e : before.get(m)) {
                if (--pending[e] == 0 && !cyclic[e]) {
                    ready.add(e);
                }
            }
        }
        return latest;
    }

    /**
     * Hall's condition inside the windows that precedences leave: a participant whose meetings must all fall in
     * slots a..b needs that many slots there. Each meeting may be placeable alone while together they are not (a
     * chain before all of a busy participant's meetings). Only participants with a window narrowed by a
     * precedence are looked at; one finding per participant.
     */
    private void checkWindows(int[] earliest, int[] latest) {
        List<List<Integer>> meetingsOf = new ArrayList<>();
        for (int p = 0; p < event.participants().size(); p++) {
            meetingsOf.add(new ArrayList<>());
        }
        BitSet[] window = new BitSet[meetings.size()];
        boolean[] narrowed = new boolean[meetings.size()];
        for (int m = 0; m < meetings.size(); m++) {
            if (earliest[m] == 0 || latest[m] == 0 || earliest[m] > latest[m]) {
                continue; // blocked, or already reported by the chain check
            }
            window[m] = (BitSet) allowed[m].clone();
            window[m].clear(0, earliest[m]);
            window[m].clear(latest[m] + 1, slotCount + 1);
            narrowed[m] = window[m].cardinality() < allowed[m].cardinality();
            meetingsOf.get(event.participant(meetings.get(m).first()).index()).add(m);
            meetingsOf.get(event.participant(meetings.get(m).second()).index()).add(m);
        }
        for (Participant participant : event.participants()) {
            List<Integer> own = meetingsOf.get(participant.index());
            if (own.stream().noneMatch(m -> narrowed[m])) {
                continue;
            }
            int reps = participant.representatives();
            search:
            for (int a = 1; a <= slotCount; a++) {
                for (int b = slotCount; b >= a; b--) {
                    BitSet union = new BitSet(slotCount + 1);
                    int inside = 0;
                    for (int m : own) {
                        BitSet w = window[m];
                        if (w.nextSetBit(0) >= a && w.previousSetBit(slotCount) <= b) {
                            inside++;
                            union.or(w);
                        }
                    }
                    if (inside > (long) reps * union.cardinality()) {
                        problems.add(who(participant) + " has " + count(inside, "required meeting",
                                "required meetings") + " that precedences confine to slots " + union.nextSetBit(0) + "–"
                                + union.previousSetBit(slotCount)
                                + " but only " + count(union.cardinality(), "slot", "slots") + " there for them"
                                + (reps == 1 ? "" : " with " + reps + " representatives") + ".");
                        break search;
                    }
                }
            }
        }
    }

    /** Reports one cycle per strongly connected group of meetings (Tarjan); returns which meetings are in one. */
    private boolean[] reportCycles(List<List<Integer>> after) {
        int n = after.size();
        int[] order = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        boolean[] cyclic = new boolean[n];
        Arrays.fill(order, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int[] counter = {0};
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            // Iterative Tarjan: each frame is (node, next edge position).
            Deque<int[]> frames = new ArrayDeque<>();
            frames.push(new int[] {root, 0});
            order[root] = low[root] = counter[0]++;
            stack.push(root);
            onStack[root] = true;
            while (!frames.isEmpty()) {
                int[] frame = frames.peek();
                int v = frame[0];
                if (frame[1] < after.get(v).size()) {
                    int w = after.get(v).get(frame[1]++);
                    if (order[w] < 0) {
                        order[w] = low[w] = counter[0]++;
                        stack.push(w);
                        onStack[w] = true;
                        frames.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    int parent = frames.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1 || after.get(v).contains(v)) {
                        for (int c : component) {
                            cyclic[c] = true;
                        }
                        reportCycle(component, after);
                    }
                }
            }
        }
        return cyclic;
    }

    /** Walks inside a strongly connected group until a meeting repeats: that walk's tail is a cycle to name. */
    private void reportCycle(List<Integer> component, List<List<Integer>> after) {
        BitSet inside = new BitSet();
        component.forEach(inside::set);
        List<Integer> walk = new ArrayList<>();
        Map<Integer, Integer> position = new HashMap<>();
        int v = component.stream().min(Integer::compare).orElseThrow();
        while (!position.containsKey(v)) {
            position.put(v, walk.size());
            walk.add(v);
            int current = v;
            v = after.get(current).stream().filter(inside::get).findFirst().orElseThrow();
        }
        List<String> ids = new ArrayList<>();
        for (int m : walk.subList(position.get(v), walk.size())) {
            ids.add(meetings.get(m).id());
        }
        ids.add(meetings.get(v).id());
        problems.add(ids.size() == 2
                ? "Meeting " + ids.get(0) + " must come after itself."
                : "Meetings " + and(ids.subList(0, ids.size() - 1)) + " must each come before the next in a cycle ("
                        + String.join(" → ", ids) + ").");
    }

    /**
     * Gives each meeting, in precedence order, the earliest slot it may take after all its predecessors; a meeting
     * whose earliest bound lies past its last possible slot cannot be placed. Meetings in cycles or without any slot
     * are already reported and block their successors silently.
     */
    private int[] propagateEarliestSlots(List<List<Integer>> before, List<List<Integer>> after, boolean[] cyclic) {
        int n = meetings.size();
        int[] pending = new int[n];
        int[] earliest = new int[n];
        int[] cause = new int[n];
        boolean[] blocked = new boolean[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int m = 0; m < n; m++) {
            pending[m] = before.get(m).size();
            cause[m] = -1;
            blocked[m] = cyclic[m] || allowed[m].isEmpty();
            if (pending[m] == 0 && !cyclic[m]) {
                ready.add(m);
            }
        }
        while (!ready.isEmpty()) {
            int m = ready.poll();
            int bound = 1;
            for (int p : before.get(m)) {
                if (blocked[p]) {
                    blocked[m] = true;
                } else if (earliest[p] + 1 > bound) {
                    bound = earliest[p] + 1;
                    cause[m] = p;
                }
            }
            if (!blocked[m]) {
                int slot = allowed[m].nextSetBit(bound);
                if (slot < 0) {
                    blocked[m] = true;
                    reportChain(m, bound, cause);
                } else {
                    earliest[m] = slot;
                }
            }
            for (int next : after.get(m)) {
                if (--pending[next] == 0 && !cyclic[next]) {
                    ready.add(next);
                }
            }
        }
        for (int m = 0; m < n; m++) {
            if (blocked[m]) {
                earliest[m] = 0;
            }
        }
        return earliest;
    }

    private void reportChain(int m, int bound, int[] cause) {
        List<String> chain = new ArrayList<>();
        for (int p = cause[m]; p >= 0; p = cause[p]) {
            chain.add(0, meetings.get(p).id());
        }
        RequiredMeeting meeting = meetings.get(m);
        String predecessors = chain.size() == 1
                ? "meeting " + chain.get(0) + " (at the earliest in " + slot(bound - 1) + ")"
                : "the chain " + String.join(" → ", chain) + " (ending at the earliest in " + slot(bound - 1) + ")";
        problems.add(capitalized(describe(meeting)) + (meeting.fixedSlot() > 0
                ? " is fixed to " + slot(meeting.fixedSlot()) + " but must come after " + predecessors + "."
                : " must come after " + predecessors + " but its last possible slot is "
                        + slot(allowed[m].previousSetBit(slotCount)) + "."));
    }

    // ---------------------------------------------------------------- wording

    private String describe(RequiredMeeting meeting) {
        return Wording.meeting(meeting.id(), event.participant(meeting.first()), event.participant(meeting.second()));
    }

    private static String describe(Session session) {
        return "session " + session.id() + " (slots " + session.firstSlot() + "–" + session.lastSlot() + ")";
    }

    private String slot(int index) {
        return index >= 1 && index <= slotCount ? Wording.slot(event.slot(index)) : "slot " + index;
    }

    private String table(String tableId) {
        return event.table(tableId) == null ? "table " + tableId : Wording.table(event.table(tableId));
    }
}
