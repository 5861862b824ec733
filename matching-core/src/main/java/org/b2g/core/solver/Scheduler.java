package org.b2g.core.solver;

import java.util.function.Consumer;

import org.b2g.core.domain.MeetingSchedule;

/**
 * Solves a {@link MeetingSchedule}: the library's entry point for scheduling. OWNED BY THE KERNEL WORK (skeleton).
 */
public final class Scheduler {

    private final SolveOptions options;

    private Scheduler(SolveOptions options) {
        this.options = options;
    }

    public static Scheduler create(SolveOptions options) {
        return new Scheduler(options);
    }

    /**
     * Returns the best schedule found; the input is not modified. {@code onBest} hears every new best schedule
     * (from the solver's thread). Safe to call {@link #terminateEarly()} from another thread.
     */
    public MeetingSchedule solve(MeetingSchedule problem, Consumer<Progress> onBest) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Asks a running {@link #solve} to stop soon and return its best schedule. */
    public void terminateEarly() {
        throw new UnsupportedOperationException("skeleton");
    }
}
