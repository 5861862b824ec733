package org.b2g.service.solving;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import org.b2g.core.matching.Relevance;
import org.b2g.core.repair.DraftMode;
import org.b2g.core.repair.Repair;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.repair.RepairPlan;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.StopReason;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.JobRepository;
import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.ScheduleRepository;

/**
 * The solve jobs of all events: at most one per event, run on a bounded pool of solver threads (solving is CPU
 * bound; more threads than cores only slows every job down), queued up to a bound, refused beyond it.
 *
 * <p>The database is the queue and the coordinator, so that several replicas can share one: a job starts on the
 * replica that was asked when it has a free thread, else waits in the database until any replica has one and claims
 * it. The replica solving a job holds a lease, renewed every third of its length with the progress and the best slots
 * so far; when a replica dies, another claims the job once the lease has run out and continues from those slots
 * (with the time the job had left). Whatever a replica writes for a job is fenced by its claim, so a replica that
 * lost its lease never overwrites a newer result. Status, progress (also as a stream) and stop work from any replica.
 *
 * <p>A job solves the event as it was when the job started. Replacing the event meanwhile does not restart the job:
 * its schedule is stored with the event version it was solved from and reads as {@code stale} until the organizer
 * solves again; a job that must be taken over or was still queued when its event changed fails, asking to solve
 * again. Deleting the event stops the job and drops its result.
 */
public final class SolveJobs implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SolveJobs.class.getName());
    /** How often a watcher on another replica reads a job's row. */
    private static final long WATCH_MILLIS = 500;

    private final Database database;
    private final EventRepository events;
    private final ScheduleRepository schedules;
    private final DayRepository day;
    private final RequestRepository requests;
    private final JobRepository jobRows;
    private final ThreadPoolExecutor executor;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** This process's claims of the jobs it solves, by event id. */
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final int queue;
    /** Free solver threads of this replica: a job runs here only with one. */
    private final Semaphore free;
    /** Held while this replica looks for a waiting job with a thread it took for it. */
    private final Object looking = new Object();
    private final long leaseMillis;
    private final String replica;
    private final ScheduledExecutorService timers;
    private volatile boolean closed;

    /** A job this replica solves: its lease, and when this claim began solving (for the time the job has left). */
    private record Claim(Job job, JobRepository.Lease lease, long solvedBefore, long startedNanos) {

        /** Solving time of the job over all its claims so far: what a take-over subtracts from its limit. */
        long solvedMillis() {
            return solvedBefore + (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }

    public SolveJobs(Database database, EventRepository events, ScheduleRepository schedules, DayRepository day,
            RequestRepository requests, JobRepository jobRows, int threads, int queue, Clock clock) {
        this(database, events, schedules, day, requests, jobRows, threads, queue, clock, Duration.ofSeconds(15),
                Duration.ofSeconds(1));
    }

    /**
     * @param lease how long a job stays with a replica that stops renewing it (it died) before another may claim it
     * @param poll how often this replica looks for queued or abandoned jobs when it has a free thread
     */
    public SolveJobs(Database database, EventRepository events, ScheduleRepository schedules, DayRepository day,
            RequestRepository requests, JobRepository jobRows, int threads, int queue, Clock clock, Duration lease,
            Duration poll) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("The solver threads (" + threads + ") must be 1 or more and the queue ("
                    + queue + ") 0 or more.");
        }
        if (lease.toMillis() < 300 || poll.toMillis() < 10) {
            throw new IllegalArgumentException("The job lease (" + lease + ") must be 300 ms or more and the poll ("
                    + poll + ") 10 ms or more.");
        }
        this.database = database;
        this.events = events;
        this.schedules = schedules;
        this.day = day;
        this.requests = requests;
        this.jobRows = jobRows;
        this.clock = clock;
        this.queue = queue;
        this.free = new Semaphore(threads);
        this.leaseMillis = lease.toMillis();
        this.replica = replicaName();
        AtomicInteger count = new AtomicInteger();
        // Unbounded, but never holds more than the free permits let in.
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "solver-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.timers = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "solve-jobs-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = Math.max(100, leaseMillis / 3);
        timers.scheduleWithFixedDelay(this::renewLeases, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::claimWaitingJobs, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This process among the replicas: host, process id and a random part, unique across restarts. */
    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This replica's name, as stored as the owner of the jobs it solves. */
    public String replica() {
        return replica;
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
        if (closed) {
            throw new SolveRejectedException(SolveRejectedException.Reason.BUSY, "The service is stopping.");
        }
        Instant now = clock.instant();
        boolean here;
        synchronized (looking) {
            here = free.tryAcquire();
        }
        // What this call put in the map, so that a failure anywhere before the job runs takes it out again.
        Job[] registered = new Job[2]; // [0] this job, [1] the one it replaced
        try {
            JobStatus started = database.inTransaction(c -> {
                EventRepository.StoredEvent event = events.find(c, eventId);
                String uid = events.uid(c, eventId);
                if (event == null || uid == null) {
                    throw new SolveRejectedException(SolveRejectedException.Reason.NO_SUCH_EVENT,
                            "There is no event (" + eventId + ").");
                }
                JobRepository.StoredJob last = jobRows.find(c, eventId);
                if (last != null && last.state().equals(JobStatus.State.SOLVING.name())) {
                    throw new SolveRejectedException(SolveRejectedException.Reason.ALREADY_SOLVING,
                            "The event (" + eventId + ") is already being solved; stop that job first.");
                }
                if (!here && jobRows.queued(c) >= queue) {
                    throw new SolveRejectedException(SolveRejectedException.Reason.BUSY,
                            "Every solver thread and queue place is taken; try again when a job finishes.");
                }
                int read = schedules.latestVersion(c, eventId); // before the problem reads it, never after
                Absentees absent = Absentees.of(c, eventId, day, schedules);
                Function<Event, Job.Planned> problemOf = problemOf(c, eventId, mode, now, absent);
                JobRepository.Request request = new JobRepository.Request(mode == null ? "solve" : "repair",
                        mode == null ? null : mode.code(),
                        options.timeLimit().toMillis(), options.seed(),
                        options.unimproved() == null ? -1 : options.unimproved().toMillis(), options.moveLimit(),
                        uid);
                JobStatus queued = JobStatus.queued(eventId, event.version(), now);
                if (!here) {
                    jobRows.save(c, row(queued, request, new JobRepository.Lease(null, 0, 0),
                            JobRepository.Progress.NONE));
                    return queued;
                }
                JobRepository.Lease lease = new JobRepository.Lease(replica, now.toEpochMilli() + leaseMillis, 1);
                AtomicReference<Claim> claim = new AtomicReference<>();
                Job job = new Job(queued, event.body(), problemOf, Map.of(), options,
                        (status, best, json) -> record(claim.get(), uid, DraftMode.of(mode), absent.ids(), read,
                                status, best, json),
                        clock);
                registered[1] = register(eventId, job);
                registered[0] = job;
                jobRows.save(c, row(job.status(), request, lease, JobRepository.Progress.NONE));
                claim.set(new Claim(job, lease, 0, System.nanoTime()));
                claims.put(eventId, claim.get());
                return job.status();
            });
            if (registered[0] != null) {
                launch(eventId, registered[0]);
            } else if (here) {
                free.release();
            }
            if (!here) {
                timers.execute(this::claimWaitingJobs); // a thread may have come free meanwhile
            }
            return started;
        } catch (RuntimeException | Error e) {
            if (registered[0] != null) {
                // Never started: the previous job (or none) is the event's last job again, in memory as in the
                // database, where the transaction was rolled back.
                claims.remove(eventId);
                if (registered[1] == null) {
                    jobs.remove(eventId, registered[0]);
                } else {
                    jobs.replace(eventId, registered[0], registered[1]);
                }
            }
            if (here) {
                free.release();
            }
            throw e;
        }
    }

    /**
     * The planning problem a job solves: the event's candidates, or a repair's plan from its published schedule; in
     * both, the published meetings marked held or no-show stay pinned where they were, and participants marked
     * absent on the day keep the meetings they held and get no other. Once the event has begun ({@code now}, when
     * the job starts or is taken over), every slot that has started is closed: the published meetings there stay
     * where they are and no other meeting goes there (see {@link Happened}). A repair knows the meetings of accepted
     * self-service requests as agreed on by both, whatever their id: they stand although their pair is no longer a
     * candidate.
     */
    private Function<Event, Job.Planned> problemOf(Connection c, String eventId, RepairMode mode,
            Instant now, Absentees absent) throws SQLException {
        Happened happened = Happened.of(c, eventId, day, schedules, now);
        if (mode == null) {
            return event -> {
                Event present = happened.apply(absent.apply(event));
                return new Job.Planned(happened.keep(new MeetingSchedule(present,
                        absent.candidates(CandidateCache.forEvent(present)))));
            };
        }
        ScheduleRepository.StoredVersion published = schedules.published(c, eventId, 0);
        if (published == null) {
            throw new SolveRejectedException(SolveRejectedException.Reason.NOTHING_PUBLISHED,
                    "The event (" + eventId + ") has no published schedule to repair; publish one first.");
        }
        String source = "published version " + published.version();
        ScheduleFile file = ScheduleJson.read(published.body(), source);
        Set<String> agreed = requests.agreedMeetings(c, eventId);
        return current -> {
            Event present = happened.apply(absent.apply(current));
            Relevance relevance = Relevance.of(present);
            RepairPlan plan = Repair.plan(present, file, mode, absent.candidates(Candidates.forEvent(present,
                    relevance)), relevance, agreed, source);
            return new Job.Planned(happened.keep(plan.problem()), plan.notes(), plan.warnings());
        };
    }

    /** Runs a job whose row (and claim) is committed on a solver thread of this replica, which it holds. */
    private void launch(String eventId, Job job) {
        job.admit();
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                claims.computeIfPresent(eventId, (id, claim) -> claim.job() == job ? null : claim);
                if (job.orphaned()) {
                    jobs.remove(eventId, job);
                }
                free.release();
                if (!closed) {
                    timers.execute(this::claimWaitingJobs);
                }
            }
        });
    }

    /**
     * Claims queued jobs, and jobs whose replica stopped renewing its lease, while this replica has free solver
     * threads. Runs every poll interval and whenever a thread comes free.
     */
    private void claimWaitingJobs() {
        try {
            while (!closed) {
                JobRepository.StoredJob row;
                // A thread is taken only with a job to run on it: a start meanwhile waits for this look, not fails.
                synchronized (looking) {
                    if (!free.tryAcquire()) {
                        return;
                    }
                    try {
                        long now = clock.millis();
                        row = database.inTransaction(c -> jobRows.claimNext(c, replica, now, now + leaseMillis));
                    } catch (RuntimeException e) {
                        free.release();
                        throw e;
                    }
                    if (row == null) {
                        free.release();
                        return;
                    }
                }
                boolean launched = false;
                try {
                    launched = takeOver(row);
                } finally {
                    if (!launched) {
                        free.release();
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "Cannot look for waiting solve jobs: " + e.getMessage());
            }
        }
    }

    /**
     * Runs a job this replica just claimed: queued, or abandoned by a replica that died, in which case it continues
     * from the best slots that replica stored, with the time the job had left.
     *
     * @return false when the job cannot run (its event changed or went away); it is then marked FAILED
     */
    private boolean takeOver(JobRepository.StoredJob row) {
        String eventId = row.eventId();
        JobRepository.Lease lease = row.lease();
        JobRepository.Request request = row.request();
        long now = clock.millis();
        Job job;
        AtomicReference<Claim> claim = new AtomicReference<>();
        try {
            job = database.inTransaction(c -> {
                EventRepository.StoredEvent event = events.find(c, eventId);
                if (event == null || !request.eventUid().equals(events.uid(c, eventId))) {
                    return null; // deleted: its row went with it
                }
                if (event.version() != row.eventVersion()) {
                    jobRows.fail(c, eventId, lease.claims(), now, "The event changed (version " + row.eventVersion()
                            + " to " + event.version() + ") before this job could "
                            + (lease.claims() > 1 ? "be taken over" : "start") + "; solve it again.");
                    return null;
                }
                RepairMode mode = request.repairMode() == null ? null : RepairMode.parse(request.repairMode(), "repair mode");
                int read = schedules.latestVersion(c, eventId);
                Absentees absent = Absentees.of(c, eventId, day, schedules);
                Function<Event, Job.Planned> problemOf = problemOf(c, eventId, mode, Instant.ofEpochMilli(now),
                        absent);
                long limit = request.timeLimitMillis();
                long left = Math.max(limit - row.progress().solvedMillis(), Math.max(1000, limit / 10));
                SolveOptions options = new SolveOptions(Duration.ofMillis(Math.min(limit, left)), request.seed(),
                        request.moveLimit(),
                        request.unimprovedMillis() < 0 ? null : Duration.ofMillis(request.unimprovedMillis()));
                JobStatus status = new JobStatus(eventId, row.eventVersion(), JobStatus.State.SOLVING, false,
                        row.score(), row.scheduled(), row.progress().breaks(), Instant.ofEpochMilli(row.startedAt()),
                        instant(row.bestSince()), null, false, null, row.progress().candidates(), List.of(),
                        List.of(), null);
                return new Job(status, event.body(), problemOf, Job.readSlots(row.progress().bestSlots()), options,
                        (s, best, json) -> record(claim.get(), request.eventUid(), DraftMode.of(mode), absent.ids(),
                                read, s, best, json),
                        clock);
            });
        } catch (RuntimeException e) {
            database.inTransaction(c -> jobRows.fail(c, eventId, lease.claims(), now,
                    "The job could not start: " + e.getMessage()));
            return false;
        }
        if (job == null) {
            return false;
        }
        Job previous = jobs.put(eventId, job);
        if (previous != null && !previous.status().finished()) {
            previous.stop(); // a job this replica lost earlier
        }
        claim.set(new Claim(job, lease, row.progress().solvedMillis(), System.nanoTime()));
        claims.put(eventId, claim.get());
        if (lease.claims() > 1) {
            LOG.log(System.Logger.Level.INFO, "Took over the solve job of " + eventId + " (claim " + lease.claims()
                    + "), continuing from its best schedule so far.");
        }
        launch(eventId, job);
        return true;
    }

    /**
     * Renews the lease of every job this replica solves, with its progress and best slots; stops a job the organizer
     * asked to stop from another replica, and one this replica lost (another claimed it, or its event was deleted).
     */
    private void renewLeases() {
        for (Map.Entry<String, Claim> entry : claims.entrySet()) {
            String eventId = entry.getKey();
            Claim claim = entry.getValue();
            Job job = claim.job();
            JobStatus status = job.status();
            if (status.finished() || closed) {
                continue;
            }
            long now = clock.millis();
            long solved = claim.solvedMillis();
            JobRepository.Progress progress = new JobRepository.Progress(status.breaks(), status.candidates(),
                    job.movesTried(), solved, job.bestSlotsIfChanged(), false);
            JobRepository.Lease renewed = new JobRepository.Lease(replica, now + leaseMillis, claim.lease().claims());
            try {
                int answer = database.inTransaction(c -> {
                    if (!jobRows.renew(c, eventId, renewed, status.score(), status.scheduled(),
                            millis(status.bestSince()), progress, now)) {
                        return 0;
                    }
                    return jobRows.stopRequested(c, eventId) ? 2 : 1;
                });
                if (answer == 0 && !job.status().finished()) {
                    LOG.log(System.Logger.Level.WARNING, "Lost the solve job of " + eventId + " (claim "
                            + claim.lease().claims() + "); it stops here without storing anything.");
                    claims.remove(eventId, claim);
                    job.stop();
                } else if (answer == 2) {
                    job.stop();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot renew the lease of the solve job of " + eventId + ": "
                        + e.getMessage());
            }
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

    /** Moves the event's running job has tried so far (as its replica last stored them when it runs elsewhere). */
    public long movesTried(String eventId) {
        Job job = current(eventId);
        if (job != null) {
            return job.movesTried();
        }
        JobRepository.StoredJob row = database.inTransaction(c -> jobRows.find(c, eventId));
        return row == null || !row.state().equals(JobStatus.State.SOLVING.name()) ? 0 : row.progress().moves();
    }

    /** The running or last job of the event (from this replica's memory, else from the database), or null. */
    public JobStatus status(String eventId) {
        Job job = current(eventId);
        if (job != null) {
            return job.status();
        }
        JobRepository.StoredJob row = database.inTransaction(c -> jobRows.find(c, eventId));
        return row == null ? null : status(row);
    }

    /**
     * Asks the event's job to stop and keep its best schedule, waiting up to {@code wait} for it to be stored; the
     * job may run on another replica, which hears the request at its next lease renewal.
     *
     * @throws SolveRejectedException when the event has no running job
     */
    public JobStatus stop(String eventId, Duration wait) {
        Job job = current(eventId);
        if (job != null) {
            job.stop();
            try {
                job.awaitFinish(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return job.status();
        }
        boolean asked = database.inTransaction(c -> jobRows.askStop(c, eventId, clock.millis()));
        if (!asked) {
            throw new SolveRejectedException(SolveRejectedException.Reason.NO_JOB,
                    "The event (" + eventId + ") has no running solve job.");
        }
        try {
            return awaitStored(eventId, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status(eventId);
        }
    }

    /**
     * Waits up to {@code wait} for the event's job to finish and returns its status then (finished or not); null when
     * the event was never solved.
     */
    public JobStatus await(String eventId, Duration wait) throws InterruptedException {
        Job job = current(eventId);
        if (job == null) {
            return awaitStored(eventId, wait);
        }
        job.awaitFinish(wait.toMillis());
        return job.status();
    }

    /** Reads the job's row until it is finished or {@code wait} has passed: the job runs on another replica. */
    private JobStatus awaitStored(String eventId, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            JobStatus status = status(eventId);
            if (status == null || status.finished() || System.nanoTime() - end >= 0) {
                return status;
            }
            Thread.sleep(Math.min(WATCH_MILLIS / 5, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /**
     * Listens to the event's job: {@code listener} hears its status now and at every change (from solver threads
     * when the job runs here; from the job's row, read twice a second, when it runs on another replica). Returns the
     * way to stop listening, or null when the event has no job.
     */
    public Runnable subscribe(String eventId, Consumer<JobStatus> listener) {
        Job job = current(eventId);
        if (job != null) {
            return job.subscribe(listener);
        }
        JobStatus first = status(eventId);
        if (first == null) {
            return null;
        }
        listener.accept(first);
        if (first.finished()) {
            return () -> { };
        }
        AtomicReference<JobStatus> last = new AtomicReference<>(first);
        AtomicReference<Future<?>> watch = new AtomicReference<>();
        watch.set(timers.scheduleWithFixedDelay(() -> {
            try {
                Job local = current(eventId); // taken over by this replica meanwhile
                JobStatus now = local != null ? local.status() : status(eventId);
                if (now != null && !now.equals(last.get())) {
                    last.set(now);
                    listener.accept(now);
                }
                if (now == null || now.finished()) {
                    watch.get().cancel(false);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Watching the job of " + eventId + ": " + e.getMessage());
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS));
        return () -> {
            Future<?> future = watch.get();
            if (future != null) {
                future.cancel(false);
            }
        };
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

    /**
     * The event's unfinished job in this process, unless it belonged to a deleted event of the same id. A finished
     * job is read from the database, where it was stored before it finished: another replica may have solved the
     * event again since.
     */
    private Job current(String eventId) {
        Job job = jobs.get(eventId);
        return job == null || job.orphaned() || job.status().finished() ? null : job;
    }

    /**
     * Stores a finished job (and its schedule) if the event it solved is still stored: same id and same identity,
     * so that a deleted and re-created event never receives the result of its predecessor, and if the job is still
     * this claim's, so that a replica that lost its lease never overwrites what the next one stores. Agendas of
     * participants removed while the job ran are not kept.
     *
     * @param madeBy a solve, or the mode of the repair the job runs: the draft's change report says it
     * @param absent who was marked absent when the job read the event: publishing checks the draft against an
     *        absence taken back since
     * @param read the latest published version when the job read the event: publishing checks the draft against
     *        the meetings accepted in self-service since
     */
    private void record(Claim claim, String eventUid, DraftMode madeBy, Set<String> absent, int read,
            JobStatus status, MeetingSchedule best, JsonObject bestJson) {
        if (claim == null || claims.get(status.eventId()) != claim) {
            return; // lost: another replica solves it now
        }
        long solved = claim.solvedMillis();
        database.inTransaction(c -> {
            if (!eventUid.equals(events.uid(c, status.eventId()))) {
                return null;
            }
            JobRepository.StoredJob row = row(status, null, claim.lease(), new JobRepository.Progress(status.breaks(),
                    status.candidates(), claim.job().movesTried(), solved, null, false));
            if (!jobRows.finish(c, row, claim.lease())) {
                return null;
            }
            if (best != null && status.state() == JobStatus.State.DONE) {
                schedules.saveDraft(c, status.eventVersion(), best, bestJson, status.finishedAt(), madeBy, absent,
                        read);
                EventRepository.StoredEvent now = events.find(c, status.eventId());
                if (now.version() != status.eventVersion()) {
                    schedules.deleteAgendas(c, status.eventId(), removedSince(best, now.body()));
                }
            }
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

    private static JobRepository.StoredJob row(JobStatus s, JobRepository.Request request, JobRepository.Lease lease,
            JobRepository.Progress progress) {
        return new JobRepository.StoredJob(s.eventId(), s.eventVersion(), s.state().name(), s.score(), s.scheduled(),
                s.startedAt().toEpochMilli(), millis(s.bestSince()), millis(s.finishedAt()), s.stoppedEarly(),
                s.reason(), s.stopReason() == null ? null : s.stopReason().code(), request, lease, progress,
                new JobRepository.Plan(s.notes(), s.warnings()));
    }

    private static JobStatus status(JobRepository.StoredJob row) {
        JobStatus.State state = JobStatus.State.valueOf(row.state());
        return new JobStatus(row.eventId(), row.eventVersion(), state,
                state == JobStatus.State.SOLVING && row.lease().owner() == null, row.score(), row.scheduled(),
                row.progress().breaks(), Instant.ofEpochMilli(row.startedAt()), instant(row.bestSince()),
                instant(row.finishedAt()), row.stoppedEarly(), row.reason(), row.progress().candidates(),
                row.plan().notes(), row.plan().warnings(), StopReason.ofCode(row.stopReason()));
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
        closed = true;
        timers.shutdownNow();
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
