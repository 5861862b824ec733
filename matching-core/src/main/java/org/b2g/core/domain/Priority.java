package org.b2g.core.domain;

import java.util.Locale;

/** How much a participant wants a meeting it requested. */
public enum Priority {
    MUST, HIGH, NORMAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the priority for a {@code b2g-event/1} code, or null when the code is unknown. */
    public static Priority fromCode(String code) {
        for (Priority priority : values()) {
            if (priority.code().equals(code)) {
                return priority;
            }
        }
        return null;
    }
}
