package org.b2g.core.solver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.search.KernelPhase;
import org.b2g.core.solver.search.TimeBudget;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Solves a {@link MeetingSchedule}: the library's entry point for scheduling.
 *
 * <p>OptaPlanner owns the model and the score ({@link MeetingConstraintProvider}); the search itself is a dedicated
 * kernel run as a custom phase, because generic moves over one slot variable per meeting are far too slow for this
 * edge-colouring-like problem. With a positive {@link SolveOptions#moveLimit() move limit} the time limit is ignored,
 * so the same input and seed always give the same schedule.
 */
public final class Scheduler {

    private static final Map<EnvironmentMode, SolverFactory<MeetingSchedule>> FACTORIES = new ConcurrentHashMap<>();
    /** The kernel of the solve that runs on a thread: OptaPlanner runs the phases on the thread that called solve. */
    private static final ThreadLocal<KernelPhase> RUNNING = new ThreadLocal<>();

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
     * Returns the best schedule found; the input is not modified. {@code onBest} hears new best schedules (from the
     * search's threads) and the final one. Safe to call {@link #terminateEarly()} from another thread.
     */
    public MeetingSchedule solve(MeetingSchedule problem, Consumer<Progress> onBest) {
        return solveReporting(problem, onBest).schedule();
    }

    /** The kernel of this scheduler's last solve, for progress read from another thread. */
    private volatile KernelPhase current;

    /**
     * Moves the running solve has tried so far (to the nearest thousand or so), safe to call from another thread:
     * progress that shows the search working between two better schedules.
     */
    public long movesTried() {
        KernelPhase kernel = current;
        return kernel == null ? 0 : kernel.movesTried();
    }

    /** As {@link #solve}, with when the best schedule was found and why the solve stopped. */
    public SolveReport solveReporting(MeetingSchedule problem, Consumer<Progress> onBest) {
        TimeBudget budget = TimeBudget.startingNow(options.timeLimit());
        KernelPhase kernel = new KernelPhase(options, budget, terminate::get, onBest);
        current = kernel;
        // The kernel watches the stop flag itself; OptaPlanner's own early termination would skip the phase
        // altogether when it comes before the phase starts, and leave the schedule without any slot.
        kernel.start(problem); // searches while OptaPlanner builds its solver and scores the problem
        RUNNING.set(kernel);
        try {
            boolean firstOfProcess = !FACTORIES.containsKey(environmentMode);
            Solver<MeetingSchedule> solver = factory(environmentMode).buildSolver();
            budget.solverBuilt(firstOfProcess);
            MeetingSchedule solved = solver.solve(problem);
            return new SolveReport(solved, kernel.timeToBest(), kernel.searchEnded(), kernel.stopReason(),
                    kernel.breaksLowerBound(), kernel.moves());
        } finally {
            RUNNING.remove();
            kernel.cancel();
        }
    }

    /**
     * One solver factory per environment mode for the whole process: building one reads the domain and compiles the
     * constraints, which takes from a tenth of a second (warm) to seconds (a cold start), on every solve otherwise.
     */
    private static SolverFactory<MeetingSchedule> factory(EnvironmentMode mode) {
        return FACTORIES.computeIfAbsent(mode, m -> SolverFactory.create(new SolverConfig()
                .withSolutionClass(MeetingSchedule.class)
                .withEntityClasses(Meeting.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MeetingConstraintProvider.class)
                        // Bavet builds in a fraction of the time Drools takes to compile the streams (seconds on a
                        // cold start, beyond a short time limit), and scores the same (IncrementalScoreTest).
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(m)
                .withRandomSeed(0L) // the kernel has its own seed; OptaPlanner draws no random number here
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new CurrentKernel()))));
    }

    /** The shared factory's one phase: the kernel of the solve running on this thread. */
    private static final class CurrentKernel implements CustomPhaseCommand<MeetingSchedule> {
        @Override
        public void changeWorkingSolution(ScoreDirector<MeetingSchedule> scoreDirector) {
            RUNNING.get().changeWorkingSolution(scoreDirector);
        }
    }

    /**
     * Asks a running {@link #solve} to stop soon and return its best schedule; a solve that has not started yet
     * still builds its first schedule, then stops.
     */
    public void terminateEarly() {
        terminate.set(true);
    }
}
