package org.b2g.service.http;

import java.util.List;

import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

import org.b2g.service.Backend;

/** The HTTP API: which resource answers under which path, and where failures become problem documents. */
public final class Api {

    /** A resource and the path it is mounted on. */
    record Mount(String prefix, HttpService service) {
    }

    private Api() {
    }

    /** Makes the server's own refusals (before any route runs) problem documents like every other error. */
    public static void registerDirect(DirectHandlers.Builder handlers) {
        registerDirect(handlers, Problems.DEFAULT_MAX_REQUEST_LINE);
    }

    /** As {@link #registerDirect(DirectHandlers.Builder)}, for a server that reads request lines up to that long. */
    public static void registerDirect(DirectHandlers.Builder handlers, int maxRequestLine) {
        Problems.registerDirect(handlers, maxRequestLine);
    }

    public static void register(HttpRouting.Builder routing, Backend backend) {
        Problems.register(routing);
        SecurityHeaders.register(routing);
        for (Mount mount : mounts(backend)) {
            routing.register(mount.prefix(), new HeadLikeGet(mount.service()));
        }
        routing.any("/api/*", Unrouted::handle); // last: only what no route above took
    }

    static List<Mount> mounts(Backend backend) {
        Access access = new Access(backend);
        return List.of(
                new Mount("/api/health", new HealthService(backend.database())),
                new Mount("/api/openapi", new OpenApiService()),
                new Mount("/api/events", new EventsService(backend, access)),
                new Mount("/api/events", new SolveService(backend, access)),
                new Mount("/api/events", new ScheduleService(backend, access)),
                new Mount("/api/events", new VersionsService(backend, access)),
                new Mount("/api/events", new DayService(backend, access)),
                new Mount("/api/events", new CandidatesService(backend, access)),
                new Mount("/api/events", new ParticipantsService(backend, access)),
                new Mount("/api/events", new SelfServiceService(backend, access)));
    }
}
