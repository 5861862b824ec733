package org.b2g.core.solver.search;

/**
 * The best slots a search has seen, kept lazily: a new best is only noted, and copied out of the state when the
 * search is about to leave it (by a worsening move) or at the end; most new bests are soon beaten by the next move,
 * and copying every one would cost more than the search.
 */
final class BestSlots {

    private final SlotState state;
    private final int[] best;
    private SlotScore score = SlotScore.WORST;
    /** The current state is the best, not yet copied into {@link #best}. */
    private boolean pending;

    BestSlots(SlotState state) {
        this.state = state;
        this.best = new int[state.model.meetingCount];
    }

    /** Whether the current state beats the best. */
    boolean isBeaten() {
        return SlotScore.of(state).isBetterThan(score);
    }

    /** Hard points of the best schedule (the worst possible before any). */
    long hard() {
        return score.hard();
    }

    /** The best schedule's score. */
    SlotScore score() {
        return score;
    }

    /** Takes the current state as the best. */
    void takeCurrent() {
        score = SlotScore.of(state);
        pending = true;
    }

    /** Whether the state is the best and not copied yet: leaving it, call {@link #copy()} first. */
    boolean isPending() {
        return pending;
    }

    /**
     * Call after a move was accepted, before its log is cleared: when the move left the best (not copied yet) for a
     * state that does not beat it, copies the best first. That a move lowered the search's cost does not mean it
     * kept the best: the cost weighs a hard point against breaks and idle slots, the score puts hard points first.
     */
    void keepBeforeLeaving(MoveLog log) {
        if (pending && !isBeaten()) {
            log.revisit(this::copy);
        }
    }

    /** Copies the state, which must be the best. */
    void copy() {
        System.arraycopy(state.slot, 0, best, 0, best.length);
        pending = false;
    }

    /** Puts the state back to the best slots. */
    void restore() {
        if (pending) {
            copy();
            return;
        }
        for (int m = 0; m < best.length; m++) {
            if (state.slot[m] != best[m]) {
                state.move(m, best[m]);
            }
        }
    }
}
