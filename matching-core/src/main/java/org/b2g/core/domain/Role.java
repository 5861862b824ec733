package org.b2g.core.domain;

import java.util.Locale;

/** What a participant is at the event; the scheduling core treats every role alike. */
public enum Role {
    STARTUP, AGENCY, COMPANY;

    /** The lower-case name used in {@code b2g-event/1}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the role for a {@code b2g-event/1} code, or null when the code is unknown. */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        return null;
    }
}
