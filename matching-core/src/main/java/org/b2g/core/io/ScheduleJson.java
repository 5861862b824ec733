package org.b2g.core.io;

import jakarta.json.JsonObject;

import org.b2g.core.domain.MeetingSchedule;

/** Writes {@code b2g-schedule/1}. OWNED BY THE IO WORK (skeleton). */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    public static JsonObject toJson(MeetingSchedule schedule) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Pretty-printed UTF-8 JSON text. */
    public static String write(MeetingSchedule schedule) {
        throw new UnsupportedOperationException("skeleton");
    }
}
