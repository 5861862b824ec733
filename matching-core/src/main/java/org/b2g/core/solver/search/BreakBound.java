package org.b2g.core.solver.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lower bound on the breaks of any schedule with no hard penalty and no medium penalty (every required and every
 * wanted meeting scheduled): when the search's best reaches it, nothing better exists and the solve can stop.
 *
 * <p>Per participant: the slots it could be busy in (those of its meetings' domains where the meeting breaks no
 * rule) form segments, runs of consecutive slots within a day. Its busy slots lie in some of these segments, and
 * every segment beyond the first of a day costs at least one break. So its breaks are at least the fewest extra
 * segments whose slots can hold its meetings (a matching of meetings to slots, {@code representatives} per slot):
 * a participant with more meetings than its longest run of slots in a day must have a break. Ignoring precedences,
 * tables and the other participants only makes the bound lower, never wrong. The global bound is the sum.
 */
final class BreakBound {

    /** Most segment sets tried per participant; beyond it the bound proved so far is kept (still a bound). */
    private static final int MAX_TRIES = 20_000;

    private final int[] perParticipant;
    private final long total;

    private BreakBound(int[] perParticipant) {
        this.perParticipant = perParticipant;
        this.total = Arrays.stream(perParticipant).asLongStream().sum();
    }

    static BreakBound of(SearchModel model) {
        int[] bound = new int[model.participantCount];
        for (int p = 0; p < model.participantCount; p++) {
            bound[p] = new Participant(model, p).bound();
        }
        return new BreakBound(bound);
    }

    /** The least total of breaks. */
    long total() {
        return total;
    }

    /** The least breaks of participant {@code p}. */
    int of(int p) {
        return perParticipant[p];
    }

    /** True when {@code state} has no hard or medium penalty and no more breaks than the bound: it is optimal. */
    boolean reachedBy(SlotState state) {
        return state.hard == 0 && state.medium == 0 && state.breaks <= total;
    }

    /** The bound of one participant: the fewest extra segments that can hold its meetings. */
    private static final class Participant {

        private final SearchModel model;
        private final int reps;
        /** The meetings every penalty-free schedule holds (required or wanted), each with its usable slots. */
        private final List<int[]> meetings = new ArrayList<>();
        /** Segments by day: each a list of slots. */
        private final List<List<int[]>> days = new ArrayList<>();
        private int tries;

        Participant(SearchModel model, int p) {
            this.model = model;
            this.reps = model.representatives[p];
            boolean[] usable = new boolean[model.slotCount];
            for (int m : model.meetingsOf[p]) {
                int[] slots = Arrays.stream(model.domain[m]).filter(s -> model.placementPenalty(m, s) == 0).toArray();
                for (int s : slots) {
                    usable[s] = true;
                }
                if (model.required[m] || model.weight[m] > 0) {
                    meetings.add(slots);
                }
            }
            for (int d = 0; d < model.dayCount; d++) {
                days.add(new ArrayList<>());
            }
            int s = 0;
            while (s < model.slotCount) {
                if (!usable[s]) {
                    s++;
                    continue;
                }
                int end = s;
                while (end + 1 < model.slotCount && usable[end + 1] && model.dayOfSlot[end + 1] == model.dayOfSlot[s]) {
                    end++;
                }
                days.get(model.dayOfSlot[s]).add(java.util.stream.IntStream.rangeClosed(s, end).toArray());
                s = end + 1;
            }
        }

        int bound() {
            if (meetings.isEmpty()) {
                return 0;
            }
            int most = 0;
            for (List<int[]> day : days) {
                most += Math.max(0, day.size() - 1);
            }
            if (!fits(allSegments())) {
                return 0; // no penalty-free schedule at all: nothing to prove
            }
            for (int extra = 0; extra < most; extra++) {
                int[] perDay = new int[days.size()];
                Boolean found = spread(extra, 0, perDay);
                if (found == null) {
                    return extra; // out of tries: every smaller number of extra segments was ruled out
                }
                if (found) {
                    return extra;
                }
            }
            return most;
        }

        /**
         * Whether some choice of segments with {@code extra} extra segments (beyond one per day) holds the meetings;
         * null when out of tries. Days before {@code day} have their extra count in {@code perDay}.
         */
        private Boolean spread(int extra, int day, int[] perDay) {
            if (day == days.size()) {
                return extra == 0 ? choose(perDay, 0, new ArrayList<>()) : Boolean.FALSE;
            }
            int most = Math.max(0, days.get(day).size() - 1);
            for (int e = 0; e <= Math.min(extra, most); e++) {
                perDay[day] = e;
                Boolean found = spread(extra - e, day + 1, perDay);
                if (found == null || found) {
                    return found;
                }
            }
            return Boolean.FALSE;
        }

        /** Tries every choice of {@code 1 + perDay[d]} segments in each day from {@code day} on. */
        private Boolean choose(int[] perDay, int day, List<int[]> chosen) {
            if (day == days.size()) {
                if (++tries > MAX_TRIES) {
                    return null;
                }
                return fits(chosen);
            }
            List<int[]> segments = days.get(day);
            if (segments.isEmpty()) {
                return choose(perDay, day + 1, chosen);
            }
            return combinations(segments, 1 + perDay[day], 0, chosen, perDay, day);
        }

        private Boolean combinations(List<int[]> segments, int count, int from, List<int[]> chosen, int[] perDay,
                int day) {
            if (count == 0) {
                return choose(perDay, day + 1, chosen);
            }
            for (int i = from; i <= segments.size() - count; i++) {
                chosen.add(segments.get(i));
                Boolean found = combinations(segments, count - 1, i + 1, chosen, perDay, day);
                chosen.remove(chosen.size() - 1);
                if (found == null || found) {
                    return found;
                }
            }
            return Boolean.FALSE;
        }

        private List<int[]> allSegments() {
            List<int[]> all = new ArrayList<>();
            days.forEach(all::addAll);
            return all;
        }

        /** Whether the meetings can each get a slot of {@code segments}, at most {@code reps} per slot. */
        private boolean fits(List<int[]> segments) {
            boolean[] open = new boolean[model.slotCount];
            int capacity = 0;
            for (int[] segment : segments) {
                for (int s : segment) {
                    open[s] = true;
                    capacity += reps;
                }
            }
            if (capacity < meetings.size()) {
                return false;
            }
            int[][] holder = new int[model.slotCount][reps];
            int[] held = new int[model.slotCount];
            for (int m = 0; m < meetings.size(); m++) {
                if (!augment(m, open, holder, held, new boolean[model.slotCount])) {
                    return false;
                }
            }
            return true;
        }

        /** Finds meeting m a slot, moving meetings already placed along an augmenting path. */
        private boolean augment(int m, boolean[] open, int[][] holder, int[] held, boolean[] seen) {
            for (int s : meetings.get(m)) {
                if (!open[s] || seen[s]) {
                    continue;
                }
                seen[s] = true;
                if (held[s] < reps) {
                    holder[s][held[s]++] = m;
                    return true;
                }
                for (int k = 0; k < reps; k++) {
                    if (augment(holder[s][k], open, holder, held, seen)) {
                        holder[s][k] = m;
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
