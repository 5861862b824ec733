package org.b2g.core.repair;

import java.util.Locale;

/**
 * What made the schedule a change report describes, as the report's {@code mode} says it: a repair in one of its
 * modes, or a plain solve, which holds no published meeting where it was (any that stays, stays by chance).
 */
public enum DraftMode {
    /** A repair in {@link RepairMode#MINIMAL}. */
    MINIMAL,
    /** A repair in {@link RepairMode#FREEZE}. */
    FREEZE,
    /** A plain solve of the event, not started from the published schedule. */
    SOLVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a repair in {@code mode}; {@link #SOLVE} when {@code mode} is null (no repair). */
    public static DraftMode of(RepairMode mode) {
        return mode == null ? SOLVE : valueOf(mode.name());
    }

    /** @throws IllegalArgumentException when {@code code} is none of {@code minimal}, {@code freeze}, {@code solve} */
    public static DraftMode ofCode(String code) {
        for (DraftMode mode : values()) {
            if (mode.code().equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Not a draft mode: " + code);
    }
}
