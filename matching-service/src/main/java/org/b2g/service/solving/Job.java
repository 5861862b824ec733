package org.b2g.service.solving;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScheduleMetrics;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;
import org.b2g.core.solver.StopReason;
import org.b2g.service.JsonFactory;

/**
 * One solve of one event version, run on a solver thread: builds the candidates, solves, hands the best schedule to
 * {@code publish}. Any failure (of the solver or of publishing) ends the job FAILED with the reason; it never escapes
 * the thread, so the service stays healthy.
 */
final class Job implements Runnable {

    /** Stores the outcome of a job (and its schedule when there is one). */
    interface Outcome {
        void record(JobStatus status, MeetingSchedule best, JsonObject bestJson);
    }

    /** A job's planning problem, with what a repair's plan says about the published schedule it read. */
    record Planned(MeetingSchedule problem, List<String> notes, List<String> warnings) {

        Planned(MeetingSchedule problem) {
            this(problem, List.of(), List.of());
        }
    }

    private final String eventBody;
    /** The planning problem of the event: its candidates, or a repair's plan from the published schedule. */
    private final Function<Event, Planned> problemOf;
    /** Slot index (0-based) by meeting id where a job taken over from another replica starts; empty otherwise. */
    private final Map<String, Integer> startSlots;
    private final SolveOptions options;
    private final Outcome outcome;
    private final Clock clock;
    private final List<Consumer<JobStatus>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Opened once the job's row is committed: a job that ends at once must not store its end before its start. */
    private final CountDownLatch admitted = new CountDownLatch(1);
    private volatile JobStatus status;
    private volatile Scheduler scheduler;
    private volatile boolean stopRequested;
    private volatile boolean orphaned;
    /** The problem's meeting ids in its order, and the best schedule's slots in that order, once known. */
    private volatile List<String> meetingIds;
    private volatile int[] bestSlots;
    private volatile boolean bestSlotsChanged;

    Job(JobStatus queued, String eventBody, SolveOptions options, Outcome outcome, Clock clock) {
        this(queued, eventBody, event -> new Planned(new MeetingSchedule(event, CandidateCache.forEvent(event))),
                Map.of(),
                options, outcome, clock);
    }

    Job(JobStatus queued, String eventBody, Function<Event, Planned> problemOf,
            Map<String, Integer> startSlots, SolveOptions options, Outcome outcome, Clock clock) {
        this.status = queued;
        this.eventBody = eventBody;
        this.problemOf = problemOf;
        this.startSlots = startSlots;
        this.options = options;
        this.outcome = outcome;
        this.clock = clock;
    }

    JobStatus status() {
        return status;
    }

    /** Moves the solver has tried so far, while it runs (0 before and after). */
    long movesTried() {
        Scheduler running = scheduler;
        return running == null || status.finished() ? 0 : running.movesTried();
    }

    /** Lets {@link #run} begin: called when the transaction that registered the job has ended. */
    void admit() {
        admitted.countDown();
    }

    @Override
    public void run() {
        try {
            admitted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MeetingSchedule best = null;
        JsonObject bestJson = null;
        JobStatus end;
        try {
            long begun = System.nanoTime();
            update(status.running());
            Event event = EventJson.read(eventBody, "event " + status.eventId());
            Planned planned = problemOf.apply(event);
            MeetingSchedule problem = planned.problem();
            startFrom(problem);
            meetingIds = problem.getMeetings().stream().map(Meeting::getId).toList();
            update(status.withCandidates(problem.getMeetings().size()).withPlan(planned.notes(), planned.warnings()));
            // Reading the event and choosing candidates count against the time limit the organizer gave.
            scheduler = Scheduler.create(options.afterPreparation(Duration.ofNanos(System.nanoTime() - begun)));
            if (stopRequested) {
                scheduler.terminateEarly(); // still builds a first schedule, then stops
            }
            SolveReport report = scheduler.solveReporting(problem, this::onBest);
            best = report.schedule();
            bestJson = ScheduleJson.toJson(best);
            ScheduleMetrics metrics = ScheduleMetrics.of(best);
            end = status.withBest(best.getScore() == null ? null : best.getScore().toString(), metrics.scheduled(),
                    metrics.breaks(), status.bestSince() == null ? clock.instant() : status.bestSince())
                    .done(clock.instant(), stopRequested, report.stopReason());
            if (report.stopReason() == StopReason.NO_VALID_SCHEDULE
                    || report.stopReason() == StopReason.NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP) {
                // The organizer must change the event, not wait longer: said beside the schedule and its violations.
                List<String> notes = new ArrayList<>(end.notes());
                notes.add("Stopped: " + report.stopReason().description() + ".");
                end = end.withPlan(notes, end.warnings());
            }
        } catch (RuntimeException | Error e) {
            best = null;
            bestJson = null;
            end = status.failed(clock.instant(), describe(e));
        }
        // Stored before anyone hears DONE: whoever reads the schedule after DONE finds it.
        try {
            outcome.record(end, best, bestJson);
        } catch (RuntimeException e) {
            end = end.failed(clock.instant(), "The schedule could not be stored: " + describe(e));
            try {
                outcome.record(end, null, null);
            } catch (RuntimeException ignored) {
                // the database is failing; the status in memory still tells the organizer
            }
        }
        update(end);
        finished.countDown();
    }

    /** Places the problem's meetings where the job's previous claim had its best schedule (tables come later). */
    private void startFrom(MeetingSchedule problem) {
        if (startSlots.isEmpty()) {
            return;
        }
        List<Slot> slots = problem.getSlots();
        for (Meeting meeting : problem.getMeetings()) {
            Integer slot = startSlots.get(meeting.getId());
            // Only where the meeting may still go: a slot that has passed since is closed to it (see Happened).
            if (!meeting.isPinned() && slot != null && slot >= 0 && slot < slots.size()
                    && meeting.getAllowedSlots().contains(slots.get(slot))) {
                meeting.setSlot(slots.get(slot));
                meeting.setTable(null);
            }
        }
    }

    /**
     * The best schedule's slots by meeting id (0-based, scheduled meetings only) as JSON, when they changed since the
     * last call; null otherwise. Kept in the job's row so that another replica can continue from them.
     */
    String bestSlotsIfChanged() {
        List<String> ids = meetingIds;
        int[] slots = bestSlots;
        if (!bestSlotsChanged || ids == null || slots == null || slots.length != ids.size()) {
            return null;
        }
        bestSlotsChanged = false;
        JsonObjectBuilder json = JsonFactory.JSON.createObjectBuilder();
        for (int m = 0; m < slots.length; m++) {
            if (slots[m] >= 0) {
                json.add(ids.get(m), slots[m]);
            }
        }
        return json.build().toString();
    }

    /** Reads what {@link #bestSlotsIfChanged} wrote; an unreadable text gives no start (the job solves afresh). */
    static Map<String, Integer> readSlots(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(json))) {
            Map<String, Integer> slots = new HashMap<>();
            reader.readObject().forEach((id, value) -> {
                if (value instanceof JsonNumber n) {
                    slots.put(id, n.intValue());
                }
            });
            return slots;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private void onBest(Progress progress) {
        if (progress.slots() != null) {
            bestSlots = progress.slots();
            bestSlotsChanged = true;
        }
        update(status.withBest(progress.score() == null ? null : progress.score().toString(), progress.scheduled(),
                progress.breaks(), clock.instant()));
    }

    /**
     * Changes the status and tells every listener, under the lock that {@link #subscribe} takes too: otherwise a new
     * listener could hear the status it read after a newer one, and an event stream would stop at a stale state.
     */
    private void update(JobStatus next) {
        synchronized (listeners) {
            status = next;
            for (Consumer<JobStatus> listener : listeners) {
                listener.accept(next);
            }
        }
    }

    /** Asks the solver to stop and keep its best; safe before, during and after solving. */
    void stop() {
        stopRequested = true;
        Scheduler running = scheduler;
        if (running != null && !status.finished()) {
            running.terminateEarly();
        }
    }

    /** Marks the job as belonging to a deleted event: nobody asks for it any more, and its result is dropped. */
    void orphan() {
        orphaned = true;
    }

    boolean orphaned() {
        return orphaned;
    }

    boolean awaitFinish(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Adds a listener of status changes; it hears the current status at once. */
    Runnable subscribe(Consumer<JobStatus> listener) {
        synchronized (listeners) {
            listeners.add(listener);
            listener.accept(status);
        }
        return () -> listeners.remove(listener);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
