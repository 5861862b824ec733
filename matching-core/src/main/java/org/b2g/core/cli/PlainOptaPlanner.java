package org.b2g.core.cli;

import java.time.Duration;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.MeetingConstraintProvider;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plain OptaPlanner: the generic configuration (default construction, then local search with change and swap moves)
 * that {@code b2g bench --plain-optaplanner} runs next to the scheduler, so that both are measured on the same
 * machine at the same moment. (The first-fit scheduler is the other reference, called the baseline.)
 */
final class PlainOptaPlanner {

    /** The best schedule and when it was found. */
    record Result(MeetingSchedule schedule, Duration timeToBest) {
    }

    private PlainOptaPlanner() {
    }

    static Result solve(MeetingSchedule problem, Duration timeLimit, long seed) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MeetingSchedule.class)
                .withEntityClasses(Meeting.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MeetingConstraintProvider.class))
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit))
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig()
                                .withMoveSelectors(new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig())));
        Solver<MeetingSchedule> solver = SolverFactory.<MeetingSchedule>create(config).buildSolver();
        long start = System.nanoTime();
        long[] best = {start};
        solver.addEventListener(event -> best[0] = System.nanoTime());
        MeetingSchedule schedule = solver.solve(problem);
        return new Result(schedule, Duration.ofNanos(best[0] - start));
    }
}
