package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScoreWeights;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The dedicated search run inside OptaPlanner as a custom phase: it reads the working solution into int arrays,
 * finds slots ({@link SlotSearch}) and tables ({@link TableAssigner}), and writes them back through the score
 * director so that OptaPlanner recomputes the score with the constraint provider.
 */
public final class KernelPhase implements CustomPhaseCommand<MeetingSchedule> {

    /** Least time between two progress reports. */
    private static final long REPORT_INTERVAL_NANOS = 250_000_000L;
    /** Most of the search time that inserting left-out candidates may take (it usually converges sooner). */
    private static final double DEMAND_SHARE = 0.3;

    private final long seed;
    private final long moveLimit;
    private final TimeBudget budget;
    private final BooleanSupplier stop;
    private final Consumer<Progress> onBest;
    private long lastReport;
    private long bestFound;
    private long moves;

    /**
     * @param moveLimit slot moves to evaluate (0 = until the time limit); when positive the time limit is ignored so
     *        that the result depends on the seed only
     * @param stop polled during the search; true ends it with the best schedule so far
     */
    public KernelPhase(long seed, long moveLimit, Duration timeLimit, BooleanSupplier stop, Consumer<Progress> onBest) {
        this(seed, moveLimit, TimeBudget.startingNow(timeLimit), stop, onBest);
    }

    /** As above, within a budget that also covers what the solve does around this phase. */
    public KernelPhase(long seed, long moveLimit, TimeBudget budget, BooleanSupplier stop, Consumer<Progress> onBest) {
        this.seed = seed;
        this.moveLimit = moveLimit;
        this.budget = budget;
        this.stop = stop;
        this.onBest = onBest;
    }

    /** Slot moves evaluated by the last run. */
    public long moves() {
        return moves;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<MeetingSchedule> scoreDirector) {
        long start = System.nanoTime();
        MeetingSchedule schedule = scoreDirector.getWorkingSolution();
        SearchModel model = SearchModel.of(schedule);
        List<Meeting> meetings = schedule.getMeetings();
        int[] initial = new int[model.meetingCount];
        int[] currentTables = new int[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            Meeting meeting = meetings.get(m);
            initial[m] = meeting.getSlot() == null ? UNSCHEDULED : meeting.getSlot().index() - 1;
            currentTables[m] = meeting.getTable() == null ? -1 : meeting.getTable().index();
        }
        long deadline = budget.searchEnd(start);
        bestFound = start;
        lastReport = start - REPORT_INTERVAL_NANOS; // nanoTime may be negative: never compare with 0
        // Demand first (from the baseline's schedule when solving a B2G event from scratch), then annealing.
        long demandEnd = moveLimit > 0 ? 0 : start + (long) (DEMAND_SHARE * (deadline - start));
        initial = DemandSearch.improve(model, FirstFitSeed.orInitial(schedule, model, initial), demandEnd, stop);
        SearchPortfolio.Result search = SearchPortfolio.run(model, initial, SearchPortfolio.copies(), seed, moveLimit,
                deadline, stop, (state, moveCount) -> improved(state, start));
        int[] slots = search.slots();
        moves = search.moves();
        long tableEffort = Math.min(2_000_000L, 300L * model.meetingCount);
        long tablesEnd = budget.tablesEnd(start);
        int[] tables = TableAssigner.assign(model, slots, currentTables, seed, tableEffort,
                () -> stop.getAsBoolean() || moveLimit == 0 && System.nanoTime() >= tablesEnd);
        write(scoreDirector, model, slots, tables);
        if (onBest != null) {
            SlotState state = search.state();
            onBest.accept(new Progress(KernelScore.of(model, slots, tables), state.scheduled, (int) state.breaks,
                    Duration.ofNanos(bestFound - start)));
        }
    }

    /** Notes when the best slots were found; tells {@code onBest} a few times a second at most. */
    private void improved(SlotState state, long start) {
        long now = System.nanoTime();
        bestFound = now;
        if (onBest == null || now - lastReport < REPORT_INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        HardMediumSoftLongScore score = HardMediumSoftLongScore.of(-state.hard, -state.medium,
                -ScoreWeights.BREAK * state.breaks);
        onBest.accept(new Progress(score, state.scheduled, (int) state.breaks, Duration.ofNanos(now - start)));
    }

    private static void write(ScoreDirector<MeetingSchedule> director, SearchModel model, int[] slots, int[] tables) {
        MeetingSchedule schedule = director.getWorkingSolution();
        List<Slot> slotFacts = schedule.getSlots();
        List<Table> tableFacts = schedule.getTables();
        List<Meeting> meetings = schedule.getMeetings();
        for (int m = 0; m < model.meetingCount; m++) {
            Meeting meeting = meetings.get(m);
            if (meeting.isPinned()) {
                continue;
            }
            Slot slot = slots[m] == UNSCHEDULED ? null : slotFacts.get(slots[m]);
            if (slot != meeting.getSlot()) {
                director.beforeVariableChanged(meeting, "slot");
                meeting.setSlot(slot);
                director.afterVariableChanged(meeting, "slot");
            }
            Table table = tableFacts.isEmpty() ? null : tableFacts.get(tables[m]);
            if (table != meeting.getTable()) {
                director.beforeVariableChanged(meeting, "table");
                meeting.setTable(table);
                director.afterVariableChanged(meeting, "table");
            }
        }
        director.triggerVariableListeners();
    }

    /** The kernel's own score of a schedule's current slots and tables (for checks against the provider). */
    public static HardMediumSoftLongScore score(MeetingSchedule schedule) {
        SearchModel model = SearchModel.of(schedule);
        int[] slots = new int[model.meetingCount];
        int[] tables = new int[model.meetingCount];
        List<Meeting> meetings = schedule.getMeetings();
        for (int m = 0; m < model.meetingCount; m++) {
            Meeting meeting = meetings.get(m);
            slots[m] = meeting.getSlot() == null ? UNSCHEDULED : meeting.getSlot().index() - 1;
            tables[m] = meeting.getTable() == null ? -1 : meeting.getTable().index();
        }
        return KernelScore.of(model, slots, tables);
    }
}
