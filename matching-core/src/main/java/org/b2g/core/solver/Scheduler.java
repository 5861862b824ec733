package org.b2g.core.solver;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.search.KernelPhase;
import org.b2g.core.solver.search.TimeBudget;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Solves a {@link MeetingSchedule}: the library's entry point for scheduling.
 *
 * <p>OptaPlanner owns the model and the score ({@link MeetingConstraintProvider}); the search itself is a dedicated
 * kernel run as a custom phase, because generic moves over one slot variable per meeting are far too slow for this
 * edge-colouring-like problem. With a positive {@link SolveOptions#moveLimit() move limit} the time limit is ignored,
 * so the same input and seed always give the same schedule.
 */
public final class Scheduler {

    private final SolveOptions options;
    private final EnvironmentMode environmentMode;
    private final AtomicBoolean terminate = new AtomicBoolean();

    private Scheduler(SolveOptions options, EnvironmentMode environmentMode) {
        this.options = options;
        this.environmentMode = environmentMode;
    }

    public static Scheduler create(SolveOptions options) {
        return new Scheduler(options, EnvironmentMode.REPRODUCIBLE);
    }

    /** A scheduler whose OptaPlanner checks every score it computes (for tests: slow). */
    static Scheduler createAsserting(SolveOptions options) {
        return new Scheduler(options, EnvironmentMode.FULL_ASSERT);
    }

    /**
     * Returns the best schedule found; the input is not modified. {@code onBest} hears every new best schedule
     * (from the solver's thread). Safe to call {@link #terminateEarly()} from another thread.
     */
    public MeetingSchedule solve(MeetingSchedule problem, Consumer<Progress> onBest) {
        TimeBudget budget = TimeBudget.startingNow(options.timeLimit());
        KernelPhase kernel = new KernelPhase(options.seed(), options.moveLimit(), budget, terminate::get, onBest);
        // The kernel watches the stop flag itself; OptaPlanner's own early termination would skip the phase
        // altogether when it comes before the phase starts, and leave the schedule without any slot.
        Solver<MeetingSchedule> solver = SolverFactory.<MeetingSchedule>create(config(kernel)).buildSolver();
        budget.solverBuilt();
        return solver.solve(problem);
    }

    private SolverConfig config(KernelPhase kernel) {
        List<PhaseConfig> phases = List.of(new CustomPhaseConfig().withCustomPhaseCommands(kernel));
        return new SolverConfig()
                .withSolutionClass(MeetingSchedule.class)
                .withEntityClasses(Meeting.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MeetingConstraintProvider.class))
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(options.seed())
                .withPhases(phases.toArray(PhaseConfig[]::new));
    }

    /**
     * Asks a running {@link #solve} to stop soon and return its best schedule; a solve that has not started yet
     * still builds its first schedule, then stops.
     */
    public void terminateEarly() {
        terminate.set(true);
    }
}
