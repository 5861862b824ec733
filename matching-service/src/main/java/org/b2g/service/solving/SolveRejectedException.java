package org.b2g.service.solving;

/** A solve job that cannot start (or stop): the HTTP layer turns {@link #reason()} into a status. */
public final class SolveRejectedException extends RuntimeException {

    public enum Reason { NO_SUCH_EVENT, NO_JOB, ALREADY_SOLVING, BUSY, NOTHING_PUBLISHED }

    private final Reason reason;

    SolveRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
