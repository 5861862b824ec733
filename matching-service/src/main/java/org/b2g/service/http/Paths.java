package org.b2g.service.http;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import org.b2g.service.PersonalLinks;
import org.b2g.service.Settings;

/** Path parameters in, path segments and the service's own address out. */
final class Paths {

    private static final HeaderName FORWARDED_PROTO = HeaderNames.create("X-Forwarded-Proto");
    private static final HeaderName FORWARDED_HOST = HeaderNames.create("X-Forwarded-Host");

    private Paths() {
    }

    /**
     * Longest meeting id the database keeps: the ids the engine makes for a pair ({@code c-A-B}, a suffix when
     * repeated) are up to twice as long as a participant's.
     */
    static final int MAX_MEETING_ID = 500;

    /** A path parameter, decoded; 400 when longer than any stored id. */
    static String param(ServerRequest req, String name) {
        return param(req, name, Bodies.MAX_ID);
    }

    /** A path parameter, decoded; 400 when empty or longer than {@code max} characters. */
    static String param(ServerRequest req, String name, int max) {
        String value = req.path().pathParameters().get(name);
        if (value.isEmpty() || value.length() > max) {
            throw ApiException.badRequest("The path parameter " + name + " should have 1.." + max + " characters.");
        }
        return value;
    }

    /**
     * 400 naming a query parameter the route does not take: a misspelt one ({@code timelimit=5s}) would otherwise be
     * ignored and the job run with the default instead, with nothing to tell why.
     *
     * @param names the parameters the route takes, as its answer lists them
     */
    static void onlyQuery(ServerRequest req, String... names) {
        List<String> known = List.of(names);
        for (String name : new TreeSet<>(req.query().names())) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("The query parameter " + name + " is not one this address takes;"
                        + " expected " + (known.isEmpty() ? "none" : String.join(", ", known)) + ".");
            }
        }
    }

    /** {@code text} encoded for one path segment or query value. */
    static String segment(String text) {
        return PersonalLinks.encode(text);
    }

    /**
     * Where people reach this service: {@code b2g.public-url} when set, else the address of the request as the
     * client saw it, which behind a proxy is in {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}.
     */
    static String baseUrl(ServerRequest req, Settings settings) {
        if (!settings.publicUrl().isBlank()) {
            return settings.publicUrl();
        }
        var uri = req.requestedUri();
        String scheme = uri.scheme();
        String host = uri.host() + ":" + uri.port();
        String proto = first(req, FORWARDED_PROTO);
        if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
            scheme = proto.toLowerCase(Locale.ROOT);
        }
        String forwardedHost = first(req, FORWARDED_HOST);
        if (forwardedHost != null && forwardedHost.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?")) {
            host = forwardedHost;
        }
        return scheme + "://" + host;
    }

    /** The first value of a header that proxies may repeat as a list ({@code https, http}). */
    private static String first(ServerRequest req, HeaderName name) {
        String value = req.headers().first(name).orElse(null);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).strip();
        return first.isEmpty() ? null : first;
    }
}
