package org.b2g.core.solver;

import static org.b2g.core.solver.Fixtures.AGENCY;
import static org.b2g.core.solver.Fixtures.C3;
import static org.b2g.core.solver.Fixtures.C4;
import static org.b2g.core.solver.Fixtures.CAP_1;
import static org.b2g.core.solver.Fixtures.S1;
import static org.b2g.core.solver.Fixtures.S2;
import static org.b2g.core.solver.Fixtures.S4;
import static org.b2g.core.solver.Fixtures.STARTUP;
import static org.b2g.core.solver.Fixtures.T1;
import static org.b2g.core.solver.Fixtures.T2;
import static org.b2g.core.solver.Fixtures.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.MeetingSchedule;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Explains a small schedule through OptaPlanner's SolutionManager, as the command line and the service do. */
class ScoreBreakdownTest {

    private static final Exclusion CONFLICT = new Exclusion("s-1", "3", "conflict of interest");

    @Test
    void explainsEveryHardViolationInOneSentence() {
        MeetingSchedule schedule = new MeetingSchedule(Fixtures.event(List.of(CONFLICT), CAP_1), List.of(
                required("m1", C3, C4, S1, T1),
                required("m2", C3, AGENCY, S1, T2),
                required("m3", STARTUP, AGENCY, S2, T1),
                required("m4", STARTUP, C3, S4, T2),
                required("m5", C4, AGENCY, null, T1)));

        ScoreBreakdown breakdown = ScoreBreakdown.of(schedule);

        assertEquals(List.of(
                "Meeting m3 (VietSense AI with Department of Science and Technology) is in slot 2 (08:50), where"
                        + " VietSense AI is unavailable.",
                "Participant 3 has 2 meetings in slot 1 (08:30) (m1 and m2) but sends 1 representative.",
                "Required meeting m5 (Participant 4 with Department of Science and Technology) has no slot.",
                "VietSense AI and Participant 3 must not meet but have meeting m4 in slot 4 (09:30)."),
                breakdown.violations());
        // Soft: participant 3 (slots 1, 1, 4) and the startup (2, 4) have a break and a table change each.
        assertEquals(HardMediumSoftLongScore.of(-4, 0, -2_002), breakdown.score());
        assertTrue(breakdown.format().contains("Participant double booked"), breakdown.format());
        assertNull(schedule.getScore(), "explaining must not change the schedule");
    }

    @Test
    void listsConstraintsWorstFirstWithTheirMatchCounts() {
        MeetingSchedule schedule = new MeetingSchedule(Fixtures.event(List.of(), CAP_1), List.of(
                required("m1", C3, C4, S1, T1),
                required("m2", C3, C4, S2, T1),
                required("m3", C3, AGENCY, S4, T2)));

        ScoreBreakdown breakdown = ScoreBreakdown.of(schedule);

        assertTrue(breakdown.feasible(), breakdown.format());
        assertEquals(List.of(), breakdown.violations());
        // The agency has one meeting of the minimum 2 it set, the startup no candidate (its implicit first meeting).
        assertEquals(List.of(
                new ScoreBreakdown.Line(ConstraintNames.FEWER_MEETINGS_THAN_MINIMUM,
                        HardMediumSoftLongScore.ofMedium(-10_000), 1),
                new ScoreBreakdown.Line(ConstraintNames.NO_CANDIDATE_MEETING,
                        HardMediumSoftLongScore.ofMedium(-ScoreWeights.FIRST_MEETING), 1),
                new ScoreBreakdown.Line(ConstraintNames.BREAK_BETWEEN_MEETINGS,
                        HardMediumSoftLongScore.ofSoft(-1_000), 1),
                new ScoreBreakdown.Line(ConstraintNames.TABLE_CHANGE, HardMediumSoftLongScore.ofSoft(-1), 1)),
                breakdown.lines());
    }
}
