package org.b2g.core.solver.search;

/**
 * The levels the slot searches compare, each lower being better and the first deciding: hard points, medium points
 * (as {@link SlotState} keeps them, repair costs included), then breaks. Table changes come later, from the tables.
 */
record SlotScore(long hard, long medium, long breaks) implements Comparable<SlotScore> {

    /** Worse than any state. */
    static final SlotScore WORST = new SlotScore(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    static SlotScore of(SlotState state) {
        return new SlotScore(state.hard, state.medium, state.breaks);
    }

    @Override
    public int compareTo(SlotScore other) {
        if (hard != other.hard) {
            return Long.compare(hard, other.hard);
        }
        if (medium != other.medium) {
            return Long.compare(medium, other.medium);
        }
        return Long.compare(breaks, other.breaks);
    }

    boolean isBetterThan(SlotScore other) {
        return compareTo(other) < 0;
    }
}
