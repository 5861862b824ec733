package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import jakarta.json.JsonObject;

import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.core.cli.Durations;
import org.b2g.service.solving.JobStatus;
import org.b2g.service.solving.SolveRejectedException;

/**
 * {@code /api/events/{id}/solve} and {@code /repair}: one solve or repair job per event. POST starts it (202), GET reads it, DELETE stops it early
 * and keeps the best schedule, and {@code /solve/stream} pushes every new best as Server-Sent Events.
 */
final class SolveService implements HttpService {

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final long KEEP_ALIVE_SECONDS = 15;
    /** The longest silence of a stream while its job solves: the console shows time and progress every second. */
    private static final long PROGRESS_SECONDS = 1;

    private final Backend backend;
    private final Access access;

    SolveService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/solve", this::start)
                .post("/{id}/repair", this::repair)
                .get("/{id}/solve", this::status)
                .delete("/{id}/solve", this::stop)
                .get("/{id}/solve/stream", this::stream);
    }

    private void start(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Paths.onlyQuery(req, "timeLimit", "unimproved", "seed", "moveLimit");
        String id = Paths.param(req, "id");
        JobStatus status = backend.solving().start(id, options(req));
        res.status(Status.ACCEPTED_202);
        res.header(HeaderNames.LOCATION, "/api/events/" + Paths.segment(id) + "/solve");
        JsonAnswers.send(res, Views.job(status, false));
    }

    /** Like a solve, from the published schedule: {@code mode} minimal (default) or freeze. */
    private void repair(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Paths.onlyQuery(req, "mode", "timeLimit", "unimproved", "seed", "moveLimit");
        String id = Paths.param(req, "id");
        RepairMode mode = RepairMode.parse(req.query().contains("mode") ? req.query().get("mode") : "minimal",
                "The mode");
        JobStatus status = backend.solving().repair(id, options(req), mode);
        res.status(Status.ACCEPTED_202);
        res.header(HeaderNames.LOCATION, "/api/events/" + Paths.segment(id) + "/solve");
        JsonAnswers.send(res, Views.job(status, false));
    }

    private void status(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        JobStatus status = backend.solving().status(id);
        if (status == null) {
            EventLookup.stored(backend, id); // "There is no event" when that is why
            throw ApiException.notFound("The event (" + id + ") has never been solved.");
        }
        JsonAnswers.send(res, withMoves(Views.job(status, isStale(status)), status, id));
    }

    private void stop(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        JobStatus status;
        try {
            status = backend.solving().stop(id, STOP_WAIT);
        } catch (SolveRejectedException e) {
            EventLookup.stored(backend, id);
            throw e;
        }
        JsonAnswers.send(res, Views.job(status, isStale(status)));
    }

    /**
     * One {@code progress} event now, at each new best and at least every second while solving, then {@code done}
     * and the end of the stream.
     */
    private void stream(ServerRequest req, ServerResponse res) {
        access.organizerOrQuery(req); // EventSource cannot send a header
        String id = Paths.param(req, "id");
        LinkedBlockingDeque<JobStatus> latest = new LinkedBlockingDeque<>();
        Runnable unsubscribe = backend.solving().subscribe(id, status -> {
            // Bests can come thousands of times a second: keep only the newest for the next write.
            synchronized (latest) {
                latest.clear();
                latest.add(status);
            }
        });
        if (unsubscribe == null) {
            JobStatus stored = backend.solving().status(id);
            if (stored == null) {
                EventLookup.stored(backend, id);
                throw ApiException.notFound("The event (" + id + ") has no solve job.");
            }
            latest.add(stored);
        }
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            long quiet = 0;
            while (true) {
                JobStatus status = latest.poll(PROGRESS_SECONDS, TimeUnit.SECONDS);
                if (status == null) {
                    // No new best for a second: say so anyway, with the time spent, so that progress never freezes.
                    JobStatus now = backend.solving().status(id);
                    if (now != null && !now.finished()) {
                        status = now;
                    } else if (++quiet * PROGRESS_SECONDS >= KEEP_ALIVE_SECONDS) {
                        quiet = 0;
                        sink.emit(SseEvent.builder().comment("keep-alive").build());
                        continue;
                    } else {
                        continue;
                    }
                }
                sink.emit(SseEvent.builder()
                        .name(status.finished() ? "done" : "progress")
                        .data(withMoves(Views.job(status, false), status, id).toString())
                        .build());
                if (status.finished()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the client went away; nothing left to tell it
        } finally {
            if (unsubscribe != null) {
                unsubscribe.run();
            }
        }
    }

    /** A running job's answer with the moves its search has tried so far: progress between two better schedules. */
    private JsonObject withMoves(JsonObject job, JobStatus status, String id) {
        return status.finished() ? job
                : JSON.createObjectBuilder(job).add("movesTried", backend.solving().movesTried(id)).build();
    }

    private SolveOptions options(ServerRequest req) {
        SolveOptions defaults = SolveOptions.DEFAULT.withTimeLimit(backend.settings().defaultTimeLimit());
        Duration limit = defaults.timeLimit();
        long seed = defaults.seed();
        long moveLimit = defaults.moveLimit();
        Duration unimproved = null;
        if (req.query().contains("timeLimit")) {
            limit = Durations.parse("timeLimit", req.query().get("timeLimit")); // InputException: 400
        }
        if (req.query().contains("unimproved")) {
            unimproved = Durations.parse("unimproved", req.query().get("unimproved"));
        }
        if (limit.compareTo(backend.settings().maxTimeLimit()) > 0) {
            throw ApiException.badRequest("The timeLimit (" + req.query().get("timeLimit")
                    + ") is above this service's maximum (" + backend.settings().maxTimeLimit() + ").");
        }
        seed = number(req, "seed", seed, Long.MIN_VALUE);
        moveLimit = number(req, "moveLimit", moveLimit, 0);
        return new SolveOptions(limit, seed, moveLimit, unimproved);
    }

    private static long number(ServerRequest req, String name, long fallback, long min) {
        if (!req.query().contains(name)) {
            return fallback;
        }
        String text = req.query().get(name);
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            if (text.strip().matches("[-+]?\\d+")) { // whole, but too long for a 64-bit number
                throw ApiException.badRequest("The " + name + " (" + text + ") is outside " + min + ".."
                        + Long.MAX_VALUE + ".");
            }
        }
        throw ApiException.badRequest("The " + name + " (" + text + ") should be a whole number"
                + (min == 0 ? " of 0 or more." : "."));
    }

    private boolean isStale(JobStatus status) {
        int current = backend.database().inTransaction(c -> backend.events().version(c, status.eventId()));
        return current != status.eventVersion();
    }
}
