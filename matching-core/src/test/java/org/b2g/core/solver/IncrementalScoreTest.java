package org.b2g.core.solver;

import static org.b2g.core.solver.Fixtures.AGENCY;
import static org.b2g.core.solver.Fixtures.C3;
import static org.b2g.core.solver.Fixtures.C4;
import static org.b2g.core.solver.Fixtures.CAP_1;
import static org.b2g.core.solver.Fixtures.STARTUP;
import static org.b2g.core.solver.Fixtures.TABLES;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Lets OptaPlanner's default search move meetings around under FULL_ASSERT, which recomputes the score from scratch
 * after every move and fails when the incremental score (or a solution clone) disagrees: the test that catches a
 * collector that forgets to undo, or a fact that points at a stale entity.
 */
class IncrementalScoreTest {

    private static final List<Participant> PEOPLE = List.of(STARTUP, AGENCY, C3, C4);

    @Test
    void incrementalScoreAgreesWithScoringFromScratch() {
        List<Meeting> meetings = new ArrayList<>();
        int n = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < PEOPLE.size(); i++) {
                for (int j = i + 1; j < PEOPLE.size(); j++) {
                    n++;
                    Origin origin = n % 3 == 0 ? Origin.REQUEST : Origin.REQUIRED;
                    List<String> after = n % 4 == 0 ? List.of("m" + (n - 3)) : List.of();
                    String session = n % 5 == 0 ? "am" : null;
                    Meeting meeting = Fixtures.meeting("m" + n, PEOPLE.get(i), PEOPLE.get(j), origin, n, session,
                            n == 7 ? List.of(TABLES.get(1)) : TABLES, after, null, null);
                    if (n % 4 == 1) { // published in slot 2 of a repair: moving it costs
                        meeting.keepPublished(Fixtures.S2, TABLES.get(0), 50, 100);
                    }
                    meetings.add(meeting);
                }
            }
        }
        MeetingSchedule problem = new MeetingSchedule(
                Fixtures.event(List.of(new Exclusion("s-1", "4", "conflict of interest")), CAP_1), meetings);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(MeetingSchedule.class)
                .withEntityClasses(Meeting.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(MeetingConstraintProvider.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(7L)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(5_000L));

        MeetingSchedule solved = SolverFactory.<MeetingSchedule>create(config).buildSolver().solve(problem);

        assertNotNull(solved.getScore());
    }
}
