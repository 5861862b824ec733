package org.b2g.core.solver;

import java.util.Locale;

/** Why a solve ended: what the summary tells the person who waited for it. */
public enum StopReason {

    /** The best schedule reached a lower bound: no schedule is better (on hard, medium and breaks). */
    PROVED_OPTIMAL("optimal (proved): the breaks reached their lower bound"),
    /**
     * The slots leave nothing to gain: every wish the event's capacities allow is met as the score ranks them (the
     * demand bound's best) and nobody has a break. Tables are assigned after, so this is no proof for the whole score.
     */
    DEMAND_AT_ITS_BOUND("nothing left to gain in the slots: demand met up to its bound, and no breaks"),
    /** No better schedule came for the unimproved time. */
    UNIMPROVED("no better schedule for a while"),
    TIME_LIMIT("time limit reached"),
    MOVE_LIMIT("move limit reached"),
    /**
     * Every meeting has a fixed slot, the only slot it can have, or none: there was nothing to search, and "time
     * limit reached" would tell the organizer that a longer limit might help.
     */
    NOTHING_TO_SEARCH("nothing to search: every meeting has its only possible slot or none"),
    /**
     * The SAT solver proved that no schedule keeps every hard rule (the required meetings, availability, sessions,
     * fixed slots and tables, representatives, tables per slot, orders and the break cap, all at once), where the
     * pre-check's counting found no single cause: a longer limit cannot help, the rules must change.
     */
    NO_VALID_SCHEDULE("no schedule keeps every rule: the SAT solver proved it, so a longer limit cannot help"),
    /**
     * As {@link #NO_VALID_SCHEDULE}, and the SAT solver also found a schedule that keeps every rule but the cap on
     * breaks: the cap is what the organizer can change.
     */
    NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP("no schedule keeps every rule with the cap on breaks"
            + " (maxBreaksPerParticipant), though one keeps all the others: the SAT solver proved both, so a longer"
            + " limit cannot help; allow more breaks"),
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

    /** The stable code of the reason for programs and stored jobs, e.g. {@code move-limit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The reason whose {@link #code()} is {@code code}, or null for none (a code stored by a later release, which may
     * have more reasons).
     */
    public static StopReason ofCode(String code) {
        for (StopReason reason : values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
