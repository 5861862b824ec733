package org.b2g.core.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * What a schedule's score is made of, for the command line and the service to print: one line per constraint that
 * matched (name, score, matches), worst first, and one sentence per hard violation.
 *
 * @param lines constraints with at least one match, hard before medium before soft, larger penalties first
 * @param violations the sentences of every hard match, sorted
 */
public record ScoreBreakdown(HardMediumSoftLongScore score, List<Line> lines, List<String> violations) {

    /** One constraint's total. */
    public record Line(String constraint, HardMediumSoftLongScore score, int matches) {
    }

    private static final SolutionManager<MeetingSchedule, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(SolverFactory.create(new SolverConfig()
                    .withSolutionClass(MeetingSchedule.class)
                    .withEntityClasses(Meeting.class)
                    .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                            .withConstraintProviderClass(MeetingConstraintProvider.class)
                            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))));

    public ScoreBreakdown {
        lines = List.copyOf(lines);
        violations = List.copyOf(violations);
    }

    /** Scores {@code schedule} from scratch; the schedule itself is left unchanged. */
    public static ScoreBreakdown of(MeetingSchedule schedule) {
        HardMediumSoftLongScore before = schedule.getScore();
        ScoreExplanation<MeetingSchedule, HardMediumSoftLongScore> explanation =
                SCORING.explain(schedule, SolutionUpdatePolicy.NO_UPDATE);
        schedule.setScore(before); // explaining sets it even when told not to update
        List<Line> lines = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total
                : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getConstraintMatchCount() == 0) {
                continue;
            }
            lines.add(new Line(total.getConstraintName(), total.getScore(), total.getConstraintMatchCount()));
            if (total.getScore().hardScore() < 0) {
                for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                    violations.add(match.getJustification().toString());
                }
            }
        }
        lines.sort(Comparator.comparing(Line::score).thenComparing(Line::constraint));
        violations.sort(Comparator.naturalOrder());
        return new ScoreBreakdown(explanation.getScore(), lines, violations);
    }

    public boolean feasible() {
        return score.isFeasible();
    }

    /** The breakdown as aligned text lines, then the violations. */
    public String format() {
        StringBuilder text = new StringBuilder("Score ").append(score).append('\n');
        int width = lines.stream().mapToInt(line -> line.constraint().length()).max().orElse(0);
        for (Line line : lines) {
            text.append(String.format("  %-" + width + "s  %-24s %d match%s%n", line.constraint(), line.score(),
                    line.matches(), line.matches() == 1 ? "" : "es"));
        }
        for (String violation : violations) {
            text.append("  ! ").append(violation).append('\n');
        }
        return text.toString();
    }
}
