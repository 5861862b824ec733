package org.b2g.core.solver.bound;

import java.util.List;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.solver.ScoreWeights;

/**
 * How much demand any schedule of these candidates could meet at most, ignoring the clock: each participant holds at
 * most {@code min(maxMeetings, representatives x slots it attends)} meetings, the event at most {@code tables x
 * slots}, a candidate counts only if both sides share an allowed slot and the pair is not excluded. Slots, breaks
 * and precedences are left out, so a schedule can fall short of the bound but never beat it; when the clock does
 * not bind (40 slots, 14 meetings a person) the gap is what the search leaves on the table.
 *
 * <p>Two readings of the same relaxation, each solved exactly by {@link PairGraph}:
 * <ul>
 *   <li>{@link #medium()}: the best medium score, with the score's own weights (every candidate's weight, the
 *       missing-meeting weight for each meeting below a participant's minimum, required meetings placed first), and
 *       among the sets that reach it one with the most requests ({@link #requestedAtBestMedium()});</li>
 *   <li>in order: required meetings and must requests met and participants at their minimum, then the most mutual
 *       requests, then the most requests of any kind ({@link #must()}, {@link #served()}, {@link #mutual()},
 *       {@link #requested()}), what an organizer counts.</li>
 * </ul>
 */
public final class DemandBound {

    private final int requiredPlaced;
    private final int requiredCount;
    private final long medium;
    private final int must;
    private final int served;
    private final int participants;
    private final int mutual;
    private final int requested;
    private final boolean exact;
    private final boolean[] bestForMedium;
    private final Counted atBestMedium;

    private DemandBound(int requiredPlaced, int requiredCount, long medium, int must, int served, int participants,
            int mutual, int requested, boolean exact, boolean[] bestForMedium, Counted atBestMedium) {
        this.requiredPlaced = requiredPlaced;
        this.requiredCount = requiredCount;
        this.medium = medium;
        this.must = must;
        this.served = served;
        this.participants = participants;
        this.mutual = mutual;
        this.requested = requested;
        this.exact = exact;
        this.bestForMedium = bestForMedium;
        this.atBestMedium = atBestMedium;
    }

    /** The bound of a schedule's candidates (its slots are ignored). */
    public static DemandBound of(MeetingSchedule schedule) {
        List<Meeting> meetings = schedule.getMeetings();
        List<Participant> people = schedule.getParticipants();
        int n = people.size();
        int[] capacity = new int[n];
        int[] minimum = new int[n];
        long[] missingWeight = new long[n];
        for (int p = 0; p < n; p++) {
            Participant participant = people.get(p);
            int attends = 0;
            for (Slot slot : schedule.getSlots()) {
                attends += participant.isAvailable(slot.index()) ? 1 : 0;
            }
            capacity[p] = (int) Math.min(participant.maxMeetings(),
                    (long) Math.max(1, participant.representatives()) * attends);
            minimum[p] = ScoreWeights.minimumMeetings(participant);
            missingWeight[p] = ScoreWeights.missingMeetingWeight(participant);
        }
        int total = (int) Math.min(Integer.MAX_VALUE / 8,
                (long) schedule.getTables().size() * schedule.getSlots().size());

        boolean[] usable = new boolean[meetings.size()];
        boolean[] forced = new boolean[meetings.size()];
        int requiredCount = 0;
        long optionalTotal = 0;
        int mustCount = 0;
        int mutualCount = 0;
        int requestCount = 0;
        for (int m = 0; m < meetings.size(); m++) {
            Meeting meeting = meetings.get(m);
            forced[m] = meeting.isRequired() || meeting.isPinned() && meeting.getSlot() != null;
            usable[m] = forced[m] || !meeting.getAllowedSlots().isEmpty() && !excluded(schedule, meeting);
            if (meeting.isRequired()) {
                requiredCount++;
            } else {
                optionalTotal += meeting.getWeight();
            }
            Origin origin = meeting.getOrigin();
            mustCount += origin == Origin.MUST ? 1 : 0;
            mutualCount += origin == Origin.MUTUAL ? 1 : 0;
            requestCount += isRequest(origin) ? 1 : 0;
        }
        long missingTotal = 0;
        for (int p = 0; p < n; p++) {
            missingTotal += missingWeight[p] * minimum[p];
        }

        // The medium reading: the score's weights, with forced meetings above everything they could displace; among
        // the sets of the best medium, the one with the most requests (each weight times `tie`, plus 1 per request),
        // unless such values could overflow the flow's costs.
        long forcedWeight = optionalTotal + missingTotal + 1;
        long tie = requestCount + 1L;
        if (2 * forcedWeight > Long.MAX_VALUE / 64 / tie / Math.max(1, meetings.size() + n)) {
            tie = 1;
        }
        PairGraph weighted = graph(n, capacity, total);
        for (int p = 0; p < n; p++) {
            weighted.bonus(p, minimum[p], missingWeight[p] * tie);
        }
        int[] pairOf = new int[meetings.size()];
        int[] meetingOf = new int[meetings.size()];
        int pairs = 0;
        for (int m = 0; m < meetings.size(); m++) {
            pairOf[m] = -1;
            if (usable[m]) {
                Meeting meeting = meetings.get(m);
                long worth = forced[m] ? forcedWeight + (meeting.isRequired() ? 0 : meeting.getWeight())
                        : meeting.getWeight();
                long tieBreak = tie > 1 && isRequest(meeting.getOrigin()) ? 1 : 0;
                pairOf[m] = weighted.addPair(meeting.getFirst().index(), meeting.getSecond().index(),
                        worth * tie + tieBreak);
                meetingOf[pairs++] = m;
            }
        }
        Pairing best = weighted.best();
        int requiredPlaced = 0;
        int forcedPlaced = 0;
        boolean[] chosen = new boolean[meetings.size()];
        for (int m = 0; m < meetings.size(); m++) {
            if (pairOf[m] >= 0 && best.isChosen(pairOf[m])) {
                chosen[m] = true;
                forcedPlaced += forced[m] ? 1 : 0;
                requiredPlaced += meetings.get(m).isRequired() ? 1 : 0;
            }
        }
        long medium = Math.floorDiv(best.value(), tie) - forcedWeight * forcedPlaced - optionalTotal - missingTotal;
        Counted atBestMedium = Counted.of(meetings, chosen, minimum, n);

        // The counted reading, level by level: each level's unit outweighs everything below it.
        long requestUnit = 1;
        long mutualUnit = requestCount + 1L;
        long firstUnit = mutualUnit * (mutualCount + 1L);
        long forcedUnit = firstUnit * (mustCount + sum(minimum) + 1L);
        PairGraph counted = graph(n, capacity, total);
        for (int p = 0; p < n; p++) {
            counted.bonus(p, minimum[p], firstUnit);
        }
        for (int m = 0; m < meetings.size(); m++) {
            if (usable[m]) {
                Meeting meeting = meetings.get(m);
                Origin origin = meeting.getOrigin();
                long worth = (forced[m] ? forcedUnit : 0) + (origin == Origin.MUST ? firstUnit : 0)
                        + (origin == Origin.MUTUAL ? mutualUnit : 0) + (isRequest(origin) ? requestUnit : 0);
                counted.addPair(meeting.getFirst().index(), meeting.getSecond().index(), worth);
            }
        }
        Pairing levels = counted.best();
        boolean[] countedSet = new boolean[meetings.size()];
        for (int m = 0; m < meetings.size(); m++) {
            countedSet[m] = pairOf[m] >= 0 && levels.isChosen(pairOf[m]);
        }
        Counted byCount = Counted.of(meetings, countedSet, minimum, n);
        int must = byCount.must;
        int mutual = byCount.mutual;
        int requested = byCount.requested;
        int served = byCount.served;
        if (!levels.exact()) {
            // Fractional: count from the value itself, which is a bound level by level.
            long value = levels.value();
            value %= forcedUnit;
            long firstLevel = value / firstUnit;
            value %= firstUnit;
            mutual = (int) (value / mutualUnit);
            requested = (int) (value % mutualUnit);
            must = (int) Math.min(mustCount, firstLevel);
            served = (int) Math.min(n, firstLevel);
        }
        return new DemandBound(requiredPlaced, requiredCount, medium, must, served, n, mutual, requested,
                best.exact() && levels.exact(), chosen, atBestMedium);
    }

    /** What a set of pairs meets: must, mutual and all requests, participants at their minimum. */
    private record Counted(int must, int mutual, int requested, int served) {

        static Counted of(List<Meeting> meetings, boolean[] chosen, int[] minimum, int n) {
            int must = 0;
            int mutual = 0;
            int requested = 0;
            int[] degree = new int[n];
            for (int m = 0; m < meetings.size(); m++) {
                if (chosen[m]) {
                    Meeting meeting = meetings.get(m);
                    Origin origin = meeting.getOrigin();
                    must += origin == Origin.MUST ? 1 : 0;
                    mutual += origin == Origin.MUTUAL ? 1 : 0;
                    requested += isRequest(origin) ? 1 : 0;
                    degree[meeting.getFirst().index()]++;
                    degree[meeting.getSecond().index()]++;
                }
            }
            int served = 0;
            for (int p = 0; p < n; p++) {
                served += degree[p] >= minimum[p] ? 1 : 0;
            }
            return new Counted(must, mutual, requested, served);
        }
    }

    private static PairGraph graph(int n, int[] capacity, int total) {
        PairGraph graph = new PairGraph(n).limitTotal(total);
        for (int p = 0; p < n; p++) {
            graph.capacity(p, capacity[p]);
        }
        return graph;
    }

    private static boolean isRequest(Origin origin) {
        return origin == Origin.MUST || origin == Origin.MUTUAL || origin == Origin.REQUEST;
    }

    private static long sum(int[] values) {
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }

    private static boolean excluded(MeetingSchedule schedule, Meeting meeting) {
        String a = meeting.getFirst().id();
        String b = meeting.getSecond().id();
        return schedule.getExclusions() != null
                && schedule.getExclusions().stream().anyMatch(exclusion -> exclusion.covers(a, b));
    }

    /** The best medium score any schedule of these candidates can reach (0 or less). */
    public long medium() {
        return medium;
    }

    /** Whether every required meeting fits within the capacities; when not, no schedule is feasible. */
    public boolean requiredFit() {
        return requiredPlaced == requiredCount;
    }

    /** Must requests met at most, with every participant at its minimum where possible. */
    public int must() {
        return must;
    }

    /** Participants at their minimum (one meeting for startups and agencies) at most. */
    public int served() {
        return served;
    }

    public int participants() {
        return participants;
    }

    /** Mutual requests met at most, once musts and minimums are met as far as they can be. */
    public int mutual() {
        return mutual;
    }

    /** Requests of any kind (must, mutual, one-sided) met at most, once the mutual ones are at their most. */
    public int requested() {
        return requested;
    }

    /**
     * Requests of any kind (must, mutual, one-sided) met at most by a set of pairs that reaches {@link #medium()}: the
     * score weighs a high request above a normal one and a first meeting above either, so the set it prefers can hold
     * fewer requests than {@link #requested()}; this is the count the score's own best allows.
     */
    public int requestedAtBestMedium() {
        return atBestMedium.requested;
    }

    /** Mutual requests in the set of {@link #requestedAtBestMedium()}. */
    public int mutualAtBestMedium() {
        return atBestMedium.mutual;
    }

    /** Participants at their minimum in the set of {@link #requestedAtBestMedium()}. */
    public int servedAtBestMedium() {
        return atBestMedium.served;
    }

    /** True when the candidates join two sides (startups and agencies), so the bound is a real set of pairs. */
    public boolean exact() {
        return exact;
    }

    /** Whether candidate {@code meeting} (its index in the schedule) is in a set that reaches {@link #medium()}. */
    public boolean inBestForMedium(int meeting) {
        return bestForMedium[meeting];
    }

    @Override
    public String toString() {
        return "medium " + medium + ", must " + must + ", served " + served + "/" + participants + ", mutual "
                + mutual + ", requested " + requested + " (" + requestedAtBestMedium() + " at the best medium)"
                + (exact ? "" : " (fractional)");
    }
}
