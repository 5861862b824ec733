package org.b2g.service.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Headers on every page and API answer that tell browsers what not to do with them: run only the service's own
 * scripts and styles, never inside another site's frame, never guess a content type, never send the address (which
 * may hold a personal token) to another site; and, for everything that may carry a token or personal data (all of
 * the API but its description and health, and the agenda page), never keep a copy.
 */
final class SecurityHeaders {

    /** The console and agenda load only their own files and call only this service. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private SecurityHeaders() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.addFilter(SecurityHeaders::filter);
    }

    private static void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(CSP, CONTENT_SECURITY_POLICY);
        res.header(NOSNIFF, "nosniff");
        res.header(FRAME_OPTIONS, "DENY");
        res.header(REFERRER_POLICY, "no-referrer");
        if (holdsPersonalData(req.path().path())) {
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
        }
        chain.proceed();
    }

    /** True for answers that may carry a token or personal data. */
    static boolean holdsPersonalData(String path) {
        if (path.startsWith("/api/")) {
            return !path.equals("/api/openapi") && !path.equals("/api/health");
        }
        return path.equals("/agenda.html");
    }
}
