package org.b2g.core.repair;

import java.util.Locale;

import org.b2g.core.io.InputException;

/** How much of a published schedule a repair may change. */
public enum RepairMode {
    /** Unaffected meetings keep their slot and table, no exceptions; new meetings go around them. */
    FREEZE,
    /**
     * Moving an unaffected meeting costs more than any optional meeting is worth, dropping it more than that: only
     * a required meeting, a must request or a participant's minimum moves what people were told.
     */
    MINIMAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param what where the text came from, for the error message ("--mode", "mode") */
    public static RepairMode parse(String text, String what) {
        for (RepairMode mode : values()) {
            if (mode.code().equals(text)) {
                return mode;
            }
        }
        throw new InputException(what + " (" + text + ") is not a repair mode; expected minimal or freeze.");
    }
}
