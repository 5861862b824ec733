package org.b2g.core.solver;

/** Why a solve ended: what the summary tells the person who waited for it. */
public enum StopReason {

    /** The best schedule reached a lower bound: no schedule is better (on hard, medium and breaks). */
    PROVED_OPTIMAL("optimal (proved): the breaks reached their lower bound"),
    /** No better schedule came for the unimproved time. */
    UNIMPROVED("no better schedule for a while"),
    TIME_LIMIT("time limit reached"),
    MOVE_LIMIT("move limit reached"),
    /** Stopped on request ({@link Scheduler#terminateEarly()}). */
    TERMINATED("stopped on request");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    /** The reason in words, for a summary line. */
    public String description() {
        return description;
    }
}
