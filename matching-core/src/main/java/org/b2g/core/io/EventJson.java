package org.b2g.core.io;

import java.nio.file.Path;

import org.b2g.core.domain.Event;

/** Reads {@code b2g-event/1}. OWNED BY THE IO WORK (skeleton). */
public final class EventJson {

    private EventJson() {
    }

    public static Event read(Path file) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** @param source the name used in error messages (a file name, or "request body") */
    public static Event read(String json, String source) {
        throw new UnsupportedOperationException("skeleton");
    }
}
