package org.b2g.core.solver.search;

/**
 * Which formula of an {@link ExternalSat} race gets the processor first. A climb from the bound asks one question
 * after another in the same two forms of the table limits, and on one event one form is often many times faster than
 * the other, step after step (forum-13crafb: the seats form refuted its step below the optimum in 1.7 s of CPU and
 * found the optimum in 4.5 s, the meetings form needed 8 and 57 s; forum-13crafc the other way round, 1.2 s against
 * 20 s). Raced evenly, each form gets half of the processor the annealing leaves, and the fast form answers twice as
 * late. So once a formula has answered first by a clear margin, it leads: in the next race the others start at the
 * lowest priority and take only a processor that nobody else wants. A leader that loses a race (the other form was
 * faster after all, even at low priority) gives the lead up, and the next race is even again.
 *
 * <p>A win is clear when the winner needed at least {@link #CLEAR_NANOS} after its formula was written and every other
 * formula had been solving at least as long by then. Quicker answers say little: the forms are written one after the
 * other, and the first one written wins a short race by its head start. Not thread-safe: one search copy's climb.
 */
final class RaceLead {

    /** The least solving time of a winner for its win to say which form is faster. */
    static final long CLEAR_NANOS = 500_000_000L;

    private int leader = -1;

    /** Whether formula {@code i} of the next race starts at low priority: another formula leads. */
    boolean behind(int i) {
        return leader >= 0 && i != leader;
    }

    /** The formula that leads, or -1 while the races are even. */
    int leader() {
        return leader;
    }

    /**
     * Records a race's answer: formula {@code winner} answered after solving for {@code winnerNanos}, and
     * {@code othersAsLong} says whether every other formula had been solving at least as long.
     */
    void record(int winner, long winnerNanos, boolean othersAsLong) {
        if (winnerNanos >= CLEAR_NANOS && othersAsLong) {
            leader = winner;
        } else if (leader >= 0 && leader != winner) {
            leader = -1;
        }
    }
}
