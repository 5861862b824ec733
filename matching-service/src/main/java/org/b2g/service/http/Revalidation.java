package org.b2g.service.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Personal answers that a browser or calendar may keep and then check cheaply: they carry a strong {@code ETag}
 * made from their bytes and {@code Cache-Control: private, no-cache} (a private copy is fine, but it is asked about
 * every time; shared caches keep none), and a client that sends the {@code ETag} it holds in {@code If-None-Match}
 * gets {@code 304} with no body. Agendas and calendars are read all day long and change only when a schedule is
 * published or the event edited.
 */
final class Revalidation {

    static final String CACHE_CONTROL = "private, no-cache";

    private Revalidation() {
    }

    /**
     * A strong entity tag of {@code parts} (the answer's bytes first, then anything else it was made from): the first
     * 128 bits of their SHA-256, quoted. Any change to any part changes the tag.
     */
    static String tag(byte[]... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
        for (byte[] part : parts) {
            sha.update(intBytes(part.length)); // so that moving bytes between parts changes the tag too
            sha.update(part);
        }
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16)) + "\"";
    }

    private static byte[] intBytes(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /**
     * Marks the answer with {@code tag} and its caching rule; when the request's {@code If-None-Match} names that tag
     * (or is {@code *}), answers 304 without a body and returns true: the caller then sends nothing more.
     */
    static boolean notModified(ServerRequest req, ServerResponse res, String tag) {
        res.header(HeaderNames.ETAG, tag);
        res.header(HeaderNames.CACHE_CONTROL, CACHE_CONTROL);
        if (!matches(String.join(",", req.headers().all(HeaderNames.IF_NONE_MATCH, java.util.List::of)), tag)) {
            return false;
        }
        res.status(Status.NOT_MODIFIED_304);
        res.send();
        return true;
    }

    /**
     * True when the {@code If-None-Match} list {@code header} names {@code tag} or is {@code *}. The comparison is
     * the weak one RFC 9110 (13.1.2) prescribes for this header: {@code W/"x"} matches {@code "x"}. Anything that
     * is not an entity tag matches nothing, so that a garbled header costs a full answer, never a wrong 304.
     */
    static boolean matches(String header, String tag) {
        if (header == null) {
            return false;
        }
        for (String item : header.split(",")) {
            String candidate = item.strip();
            if (candidate.equals("*")) {
                return true;
            }
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
