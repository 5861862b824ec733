package org.b2g.service.solving;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.repair.Repair;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.JobRepository;
import org.b2g.service.persistence.ScheduleRepository;

/**
 * The solve jobs of all events: at most one per event, run on a bounded pool of solver threads (solving is CPU
 * bound; more threads than cores only slows every job down), queued up to a bound, refused beyond it.
 *
 * <p>A job solves the event as it was when the job started. Replacing the event meanwhile does not restart the job:
 * its schedule is stored with the event version it was solved from and reads as {@code stale} until the organizer
 * solves again. Deleting the event stops the job and drops its result.
 */
public final class SolveJobs implements AutoCloseable {

    private final Database database;
    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final JobRepository jobRows;
    private final ThreadPoolExecutor executor;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public SolveJobs(Database database, EventRepository events, ScheduleRepository schedules, JobRepository jobRows,
            int threads, int queue, Clock clock) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("The solver threads (" + threads + ") must be 1 or more and the queue ("
                    + queue + ") 0 or more.");
        }
        this.database = database;
        this.events = events;
        this.schedules = schedules;
        this.jobRows = jobRows;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "solver-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        int abandoned = database.inTransaction(c -> jobRows.abandonUnfinished(c, clock.millis(),
                "The service stopped while this job was solving."));
        if (abandoned > 0) {
            System.getLogger(SolveJobs.class.getName()).log(System.Logger.Level.INFO,
                    abandoned + " solve job(s) interrupted by the last shutdown are marked FAILED.");
        }
    }

    /**
     * Starts solving the stored event.
     *
     * @throws SolveRejectedException when there is no such event, it is already being solved (or the job of a
     *         deleted event of the same id is still stopping), or every solver thread and queue place is taken; the
     *         event's last job then stays what it was
     */
    public JobStatus start(String eventId, SolveOptions options) {
        return start(eventId, options, null);
    }

    /**
     * Starts repairing the stored event from its published schedule, as a job like a solve (one per event): the
     * result becomes the draft, to be compared with the published version and published.
     *
     * @throws SolveRejectedException as {@link #start(String, SolveOptions)}, and when nothing was published yet
     */
    public JobStatus repair(String eventId, SolveOptions options, RepairMode mode) {
        return start(eventId, options, mode);
    }

    private JobStatus start(String eventId, SolveOptions options, RepairMode mode) {
        Instant now = clock.instant();
        // What this call put in the map, so that a failure anywhere before the job runs takes it out again.
        Job[] registered = new Job[2]; // [0] this job, [1] the one it replaced
        boolean[] submitted = {false};
        try {
            JobStatus started = database.inTransaction(c -> {
                EventRepository.StoredEvent event = events.find(c, eventId);
                String uid = events.uid(c, eventId);
                if (event == null || uid == null) {
                    throw new SolveRejectedException(SolveRejectedException.Reason.NO_SUCH_EVENT,
                            "There is no event (" + eventId + ").");
                }
                Function<Event, MeetingSchedule> problemOf = event1 -> new MeetingSchedule(event1,
                        Candidates.forEvent(event1));
                if (mode != null) {
                    ScheduleRepository.StoredVersion published = schedules.published(c, eventId, 0);
                    if (published == null) {
                        throw new SolveRejectedException(SolveRejectedException.Reason.NOTHING_PUBLISHED,
                                "The event (" + eventId + ") has no published schedule to repair; publish one first.");
                    }
                    String source = "published version " + published.version();
                    ScheduleFile file = ScheduleJson.read(published.body(), source);
                    problemOf = current -> Repair.plan(current, file, mode, source).problem();
                }
                Job job = new Job(JobStatus.queued(eventId, event.version(), now), event.body(), problemOf, options,
                        (status, best, json) -> record(uid, status, best, json), clock);
                registered[1] = register(eventId, job);
                registered[0] = job;
                jobRows.save(c, row(job.status()));
                try {
                    executor.execute(() -> {
                        job.run();
                        if (job.orphaned()) {
                            jobs.remove(eventId, job);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    throw new SolveRejectedException(SolveRejectedException.Reason.BUSY,
                            "Every solver thread and queue place is taken; try again when a job finishes.");
                }
                submitted[0] = true;
                return job.status();
            });
            registered[0].admit();
            return started;
        } catch (RuntimeException | Error e) {
            if (registered[0] != null) {
                registered[0].admit(); // a submitted job still runs (and records how it ended); others never start
            }
            if (registered[0] != null && !submitted[0]) {
                // Never started: the previous job (or none) is the event's last job again, in memory as in the
                // database, where the transaction was rolled back.
                if (registered[1] == null) {
                    jobs.remove(eventId, registered[0]);
                } else {
                    jobs.replace(eventId, registered[0], registered[1]);
                }
            }
            throw e;
        }
    }

    /** Makes {@code job} the event's job; returns the finished job it replaces, or null. */
    private Job register(String eventId, Job job) {
        while (true) {
            Job previous = jobs.putIfAbsent(eventId, job);
            if (previous == null) {
                return null;
            }
            if (!previous.status().finished()) {
                throw new SolveRejectedException(SolveRejectedException.Reason.ALREADY_SOLVING, previous.orphaned()
                        ? "The job of a deleted event with this id (" + eventId + ") is still stopping; try again in"
                                + " a moment."
                        : "The event (" + eventId + ") is already being solved; stop that job first.");
            }
            if (jobs.replace(eventId, previous, job)) {
                return previous.orphaned() ? null : previous;
            }
        }
    }

    /** Moves the event's running job has tried so far; 0 when none runs in this process. */
    public long movesTried(String eventId) {
        Job job = jobs.get(eventId);
        return job == null ? 0 : job.movesTried();
    }

    /** The running or last job of the event (from memory, else from the database), or null when there was none. */
    public JobStatus status(String eventId) {
        Job job = current(eventId);
        if (job != null) {
            return job.status();
        }
        JobRepository.StoredJob row = database.inTransaction(c -> jobRows.find(c, eventId));
        return row == null ? null : status(row);
    }

    /**
     * Asks the event's job to stop and keep its best schedule, waiting up to {@code wait} for it to be stored.
     *
     * @throws SolveRejectedException when the event has no job in this process
     */
    public JobStatus stop(String eventId, Duration wait) {
        Job job = current(eventId);
        if (job == null) {
            throw new SolveRejectedException(SolveRejectedException.Reason.NO_JOB,
                    "The event (" + eventId + ") has no running solve job.");
        }
        job.stop();
        try {
            job.awaitFinish(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return job.status();
    }

    /**
     * Waits up to {@code wait} for the event's job in this process to finish and returns its status then (finished
     * or not), or the stored status when there is no job in memory; null when the event was never solved.
     */
    public JobStatus await(String eventId, Duration wait) throws InterruptedException {
        Job job = current(eventId);
        if (job == null) {
            return status(eventId);
        }
        job.awaitFinish(wait.toMillis());
        return job.status();
    }

    /**
     * Listens to the event's job: {@code listener} hears its status now and at every change, from solver threads.
     * Returns the way to stop listening, or null when the event has no job in this process.
     */
    public Runnable subscribe(String eventId, Consumer<JobStatus> listener) {
        Job job = current(eventId);
        return job == null ? null : job.subscribe(listener);
    }

    /**
     * Stops the job of a deleted event. It stays registered until it has stopped, so that a new event of the same id
     * cannot get a second job meanwhile; its result finds no event of its identity and is dropped.
     */
    public void eventDeleted(String eventId) {
        Job job = jobs.get(eventId);
        if (job != null) {
            job.orphan();
            job.stop();
            if (job.status().finished()) {
                jobs.remove(eventId, job);
            }
        }
    }

    /** The event's job in this process, unless it belonged to a deleted event of the same id. */
    private Job current(String eventId) {
        Job job = jobs.get(eventId);
        return job == null || job.orphaned() ? null : job;
    }

    /**
     * Stores a finished job (and its schedule) if the event it solved is still stored: same id and same identity,
     * so that a deleted and re-created event never receives the result of its predecessor. Agendas of participants
     * removed while the job ran are not kept.
     */
    private void record(String eventUid, JobStatus status, MeetingSchedule best, JsonObject bestJson) {
        database.inTransaction(c -> {
            if (!eventUid.equals(events.uid(c, status.eventId()))) {
                return null;
            }
            if (best != null && status.state() == JobStatus.State.DONE) {
                schedules.saveDraft(c, status.eventVersion(), best, bestJson, status.finishedAt());
                EventRepository.StoredEvent now = events.find(c, status.eventId());
                if (now.version() != status.eventVersion()) {
                    schedules.deleteAgendas(c, status.eventId(), removedSince(best, now.body()));
                }
            }
            jobRows.save(c, row(status));
            return null;
        });
    }

    /** The participants of the solved event that the current event body no longer lists. */
    private static Set<String> removedSince(MeetingSchedule solved, String currentBody) {
        Set<String> removed = new HashSet<>();
        solved.getEvent().participants().forEach(p -> removed.add(p.id()));
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(currentBody))) {
            JsonArray participants = reader.readObject().getJsonArray("participants");
            if (participants != null) {
                for (JsonValue p : participants) {
                    if (p instanceof JsonObject o && o.get("id") instanceof JsonString id) {
                        removed.remove(id.getString());
                    }
                }
            }
        }
        return removed;
    }

    private static JobRepository.StoredJob row(JobStatus s) {
        return new JobRepository.StoredJob(s.eventId(), s.eventVersion(), s.state().name(), s.score(), s.scheduled(),
                s.startedAt().toEpochMilli(), millis(s.bestSince()), millis(s.finishedAt()), s.stoppedEarly(),
                s.reason());
    }

    private static JobStatus status(JobRepository.StoredJob row) {
        return new JobStatus(row.eventId(), row.eventVersion(), JobStatus.State.valueOf(row.state()), false,
                row.score(), row.scheduled(), 0, Instant.ofEpochMilli(row.startedAt()), instant(row.bestSince()),
                instant(row.finishedAt()), row.stoppedEarly(), row.reason(), 0);
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** Stops every job (keeping their best schedules when there is time) and the solver threads. */
    @Override
    public void close() {
        jobs.values().forEach(job -> {
            try {
                job.stop();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        });
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
