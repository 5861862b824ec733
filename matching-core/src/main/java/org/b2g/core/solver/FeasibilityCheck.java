package org.b2g.core.solver;

import java.util.List;

import org.b2g.core.domain.Event;

/**
 * Finds, in milliseconds and before solving, causes that make an event's required meetings impossible to schedule.
 * OWNED BY THE CONSTRAINTS WORK (skeleton).
 */
public final class FeasibilityCheck {

    private FeasibilityCheck() {
    }

    /** One sentence per cause, e.g. "Participant 17 has 23 required meetings but only 22 slots it can attend."; empty when none is found. */
    public static List<String> problems(Event event) {
        throw new UnsupportedOperationException("skeleton");
    }
}
