package org.b2g.core.domain;

import java.util.Locale;

/** Why a meeting is a candidate, from strongest to weakest claim. */
public enum Origin {
    /** Listed in the event's {@code meetings}: must be scheduled (hard). */
    REQUIRED,
    /** A request with priority {@code must}. */
    MUST,
    /** Both sides asked for it. */
    MUTUAL,
    /** One side asked for it. */
    REQUEST,
    /** Proposed by the relevance ranking. */
    RECOMMENDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
