package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScoreWeights;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.StopReason;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The dedicated search run inside OptaPlanner as a custom phase: it reads the schedule into int arrays, finds slots
 * ({@link SlotSearch}) and tables ({@link TableAssigner}), and writes them into the working solution through the
 * score director so that OptaPlanner recomputes the score with the constraint provider.
 *
 * <p>The search needs nothing of OptaPlanner's, so {@link #start} runs it on its own thread while OptaPlanner builds
 * its solver and computes its first score (on a short time limit that is most of the limit); the phase then waits for
 * the result and writes it. Without {@link #start} the phase searches when it runs.
 */
public final class KernelPhase implements CustomPhaseCommand<MeetingSchedule> {

    /** Least time between two progress reports. */
    private static final long REPORT_INTERVAL_NANOS = 250_000_000L;
    /**
     * Most of the search time that the demand search may take; it ends sooner of its own accord once a round of
     * insertions finds nothing, which is usually within a few seconds, and hands the rest to the slot search.
     */
    private static final double DEMAND_SHARE = 0.5;

    private final long seed;
    private final long moveLimit;
    private final long unimprovedNanos;
    private final TimeBudget budget;
    private final BooleanSupplier stop;
    private final Consumer<Progress> onBest;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private long lastReport;
    private volatile long bestFound;
    private Thread thread;
    private volatile Outcome outcome;
    private volatile Throwable failure;

    /** The search's result, ready to be written. */
    private record Outcome(SearchModel model, int[] slots, int[] tables, SlotState state, long moves,
            StopReason reason, long ended, long breaksBound) {
    }

    /**
     * @param options the seed, the move limit (when positive the clock is ignored, so that the result depends on the
     *        seed only) and the unimproved time (null for the automatic one)
     * @param budget the solve's time, shared with what the solve does around this phase
     * @param stop polled during the search; true ends it with the best schedule so far
     * @param onBest hears new best schedules a few times a second at most, and the final one
     */
    public KernelPhase(SolveOptions options, TimeBudget budget, BooleanSupplier stop, Consumer<Progress> onBest) {
        this.seed = options.seed();
        this.moveLimit = options.moveLimit();
        this.unimprovedNanos = options.unimproved() == null ? 0 : options.unimproved().toNanos();
        this.budget = budget;
        this.stop = stop;
        this.onBest = onBest;
        this.bestFound = budget.began();
    }

    /** Starts searching slots for {@code problem}'s meetings (which the search only reads) on a thread of its own. */
    public synchronized void start(MeetingSchedule problem) {
        if (thread != null) {
            throw new IllegalStateException("The kernel phase was already started.");
        }
        thread = new Thread(() -> {
            try {
                outcome = search(problem);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "b2g-kernel");
        thread.setDaemon(true);
        thread.start();
    }

    /** Which SAT solver climbs from the lower bound in this process: CaDiCaL where installed, else Sat4j. */
    public static String satSolver() {
        return ExternalSat.description();
    }

    /** Stops a started search soon (the solve around it failed or ended). */
    public void cancel() {
        cancelled.set(true);
    }

    /** The running search's termination, which counts the moves tried; null before the search starts. */
    private volatile Termination running;

    /** Moves tried so far by the running search (to the nearest thousand or so), from any thread. */
    public long movesTried() {
        Termination termination = running;
        return termination == null ? 0 : termination.movesTried();
    }

    /** Slot moves evaluated by the search, once it has ended. */
    public long moves() {
        Outcome done = outcome;
        return done == null ? 0 : done.moves();
    }

    /** Why the search stopped, once it has ended. */
    public StopReason stopReason() {
        Outcome done = outcome;
        return done == null ? null : done.reason();
    }

    /** The least breaks any schedule without hard and medium penalty has (see BreakBound), once the search ended. */
    public long breaksLowerBound() {
        Outcome done = outcome;
        return done == null ? 0 : done.breaksBound();
    }

    /** From the start of the solve to the end of the slot search, once it has ended. */
    public Duration searchEnded() {
        Outcome done = outcome;
        return done == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, done.ended() - budget.began()));
    }

    /** From the start of the solve to the best schedule's discovery. */
    public Duration timeToBest() {
        return Duration.ofNanos(Math.max(0, bestFound - budget.began()));
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<MeetingSchedule> scoreDirector) {
        budget.firstScoreDone();
        synchronized (this) {
            if (thread == null) {
                start(scoreDirector.getWorkingSolution());
            }
        }
        Outcome done = await();
        write(scoreDirector, done.model(), done.slots(), done.tables());
        if (onBest != null) {
            SlotState state = done.state();
            onBest.accept(new Progress(KernelScore.of(done.model(), done.slots(), done.tables()), state.scheduled,
                    (int) state.breaks, timeToBest(), done.slots().clone()));
        }
    }

    /** Waits for the search thread; an interrupt asks the search to stop, and it is still waited for. */
    private Outcome await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                cancelled.set(true);
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return outcome;
    }

    private Outcome search(MeetingSchedule schedule) {
        long start = System.nanoTime();
        BooleanSupplier halt = () -> cancelled.get() || stop.getAsBoolean();
        SearchModel model = SearchModel.of(schedule);
        List<Meeting> meetings = schedule.getMeetings();
        int[] initial = new int[model.meetingCount];
        int[] currentTables = new int[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            Meeting meeting = meetings.get(m);
            initial[m] = meeting.getSlot() == null ? UNSCHEDULED : meeting.getSlot().index() - 1;
            currentTables[m] = meeting.getTable() == null ? -1 : meeting.getTable().index();
        }
        lastReport = start - REPORT_INTERVAL_NANOS; // nanoTime may be negative: never compare with 0
        // Demand first (from the first-fit schedule when solving a B2G event from scratch), then annealing.
        long demandEnd = moveLimit > 0 ? 0 : start + (long) (DEMAND_SHARE * (budget.searchEnd(start) - start));
        DemandSearch.Improved demand = DemandSearch.improve(model, FirstFitSeed.orInitial(schedule, model, initial),
                demandEnd, halt);
        initial = demand.slots();
        Termination termination = new Termination(moveLimit, BreakBound.of(model), budget::searchEnd, unimprovedNanos,
                model.meetingCount, halt);
        termination.mediumFloor(demand.mediumFloor());
        running = termination;
        SearchPortfolio.Result search = SearchPortfolio.run(model, initial, SearchPortfolio.copies(), seed,
                termination, (state, moveCount) -> improved(state));
        int[] slots = search.slots();
        long searchEnded = System.nanoTime();
        long tableEffort = Math.min(2_000_000L, 300L * model.meetingCount);
        int[] tables = TableAssigner.assign(model, slots, currentTables, seed, tableEffort,
                () -> halt.getAsBoolean() || moveLimit == 0 && System.nanoTime() - budget.tablesEnd() >= 0);
        StopReason reason = termination.isOptimal(search.state()) ? termination.optimalReason(search.state())
                : termination.reason() != null ? termination.reason()
                : moveLimit > 0 ? StopReason.MOVE_LIMIT : StopReason.TIME_LIMIT;
        return new Outcome(model, slots, tables, search.state(), search.moves(), reason, searchEnded,
                termination.bound().total());
    }

    /** Notes when the best slots were found; tells {@code onBest} a few times a second at most. */
    private void improved(SlotState state) {
        long now = System.nanoTime();
        bestFound = now;
        if (onBest == null || now - lastReport < REPORT_INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        HardMediumSoftLongScore score = HardMediumSoftLongScore.of(-state.hard, -state.medium,
                -ScoreWeights.BREAK * state.breaks);
        onBest.accept(new Progress(score, state.scheduled, (int) state.breaks, timeToBest(), state.slot.clone()));
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
