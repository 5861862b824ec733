package org.b2g.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place where personal links are written: the agenda page and the calendar download of a participant, each
 * value URL-encoded.
 */
public final class PersonalLinks {

    private PersonalLinks() {
    }

    /**
     * The agenda page's link.
     *
     * @param base where the service is reached, e.g. {@code https://b2g.example.org} (a trailing slash is dropped)
     * @param template the path with {@code {event}}, {@code {participant}} and {@code {token}} placeholders
     */
    public static String agenda(String base, String template, String eventId, String participantId, String token) {
        return trim(base) + template
                .replace("{event}", encode(eventId))
                .replace("{participant}", encode(participantId))
                .replace("{token}", encode(token));
    }

    /** The participant's iCalendar download, which a calendar app opens without a header: the token is in it. */
    public static String calendar(String base, String eventId, String participantId, String token) {
        return trim(base) + "/api/events/" + encode(eventId) + "/participants/" + encode(participantId)
                + "/agenda?format=ics&token=" + encode(token);
    }

    /** {@code text} encoded for one path segment or query value. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
