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
    /** Most sets of runs tried per participant by the one-seat bound ({@code runs}); beyond it, as above. */
    private static final int MAX_RUN_TRIES = 10_000;

    private final int[] perParticipant;
    /** The sum of the participants' bounds, one more once a proof says they cannot all hold ({@link #raise}). */
    private volatile long total;

    private BreakBound(int[] perParticipant) {
        this.perParticipant = perParticipant;
        this.total = sum();
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

    /**
     * Called when a complete search (the SAT solver's, {@link SatPlacement#atBound}) found no valid schedule with at
     * most {@code extra} breaks above the participants' own bounds, however spread: as none has fewer breaks than its
     * bound, every schedule has at least {@code extra + 1} above their sum.
     */
    void raise(int extra) {
        total = Math.max(total, sum() + extra + 1);
    }

    /** The sum of the participants' own bounds, before any {@link #raise}. */
    long sum() {
        return Arrays.stream(perParticipant).asLongStream().sum();
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
        /** Every meeting of the participant is one that a penalty-free schedule holds: its busy slots are exact. */
        private final boolean exact;
        /** Slots some meeting can use. */
        private final boolean[] usable;

        Participant(SearchModel model, int p) {
            this.model = model;
            this.reps = model.representatives[p];
            usable = new boolean[model.slotCount];
            boolean all = true;
            for (int m : model.meetingsOf[p]) {
                all &= model.required[m] || model.weight[m] > 0;
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
            exact = all && reps == 1 && model.dayCount == 1;
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
            int segments = most;
            for (int extra = 0; extra < most; extra++) {
                int[] perDay = new int[days.size()];
                Boolean found = spread(extra, 0, perDay);
                if (found == null || found) {
                    segments = extra; // found, or out of tries: every smaller number was ruled out
                    break;
                }
            }
            return exact ? runs(segments) : segments;
        }

        /**
         * With one seat and one day, the participant is busy in exactly as many slots as it has meetings, and b
         * breaks mean b + 1 runs of busy slots: the least b for which some runs of that total length hold the
         * meetings (a fixed meeting at 2 and another at 8 with three more to place force a break, although slots
         * 2..8 are one segment). Starts at {@code from}, which is already proved; stops at the try limit with the
         * number proved so far.
         */
        private int runs(int from) {
            int k = meetings.size();
            tries = 0;
            for (int b = from; b < k; b++) {
                Boolean found = placeRuns(b + 1, k, 0, new boolean[model.slotCount]);
                if (found == null || found) {
                    return b;
                }
            }
            return Math.max(from, k - 1);
        }

        /** Whether {@code count} runs of total length {@code length}, starting at {@code from} or later, fit. */
        private Boolean placeRuns(int count, int length, int from, boolean[] open) {
            if (count == 0) {
                if (length > 0) {
                    return Boolean.FALSE;
                }
                if (++tries > MAX_RUN_TRIES) {
                    return null;
                }
                return fitsOpen(open);
            }
            if (length < count) {
                return Boolean.FALSE;
            }
            for (int start = from; start < model.slotCount; start++) {
                if (!usable[start]) {
                    continue;
                }
                int longest = length - (count - 1);
                for (int len = 1; len <= longest && start + len <= model.slotCount; len++) {
                    int last = start + len - 1;
                    if (!usable[last]) {
                        break;
                    }
                    if (count == 1 && len < length) {
                        continue;
                    }
                    for (int s = start; s <= last; s++) {
                        open[s] = true;
                    }
                    Boolean found = placeRuns(count - 1, length - len, last + 2, open);
                    for (int s = start; s <= last; s++) {
                        open[s] = false;
                    }
                    if (found == null || found) {
                        return found;
                    }
                }
            }
            return Boolean.FALSE;
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
            for (int[] segment : segments) {
                for (int s : segment) {
                    open[s] = true;
                }
            }
            return fitsOpen(open);
        }

        /** Whether the meetings can each get an open slot, at most {@code reps} per slot. */
        private boolean fitsOpen(boolean[] open) {
            int capacity = 0;
            for (boolean o : open) {
                capacity += o ? reps : 0;
            }
            if (capacity < meetings.size()) {
                return false;
            }
            for (int[] slots : meetings) {
                boolean any = false;
                for (int s : slots) {
                    any |= open[s];
                }
                if (!any) {
                    return false;
                }
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
