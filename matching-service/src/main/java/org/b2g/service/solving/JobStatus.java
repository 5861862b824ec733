package org.b2g.service.solving;

import java.time.Instant;
import java.util.List;

import org.b2g.core.solver.StopReason;

/**
 * What a solve job is doing or did. {@code score}, {@code bestSince} and {@code finishedAt} are null until known;
 * {@code queued} is true while a SOLVING job waits for a free solver thread; {@code reason} says why a job FAILED.
 *
 * @param eventVersion the version of the event being solved: when the event changes meanwhile, the result is stale
 * @param candidates how many candidate meetings the solver chooses from; 0 until they are built (and for jobs read
 *        back from the database)
 * @param notes what a repair's plan says about how it read the published schedule (a corrected time zone), one
 *        sentence each, and, once done, why the solve stopped when the SAT solver proved that no schedule keeps every
 *        rule; empty otherwise, and until the plan is made
 * @param warnings what the organizer should check in the event before publishing a repair's draft (slots renumbered
 *        since the schedule was published, so that participants' unavailableSlots now mean other times)
 * @param stopReason why the solve of a DONE job stopped; null while solving, for a FAILED job, and for a job stored
 *        before it was recorded
 */
public record JobStatus(String eventId, int eventVersion, State state, boolean queued, String score, int scheduled,
        int breaks, Instant startedAt, Instant bestSince, Instant finishedAt, boolean stoppedEarly, String reason,
        int candidates, List<String> notes, List<String> warnings, StopReason stopReason) {

    public enum State { SOLVING, DONE, FAILED }

    public JobStatus {
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean finished() {
        return state != State.SOLVING;
    }

    static JobStatus queued(String eventId, int eventVersion, Instant now) {
        return new JobStatus(eventId, eventVersion, State.SOLVING, true, null, 0, 0, now, null, null, false, null, 0, List.of(),
                List.of(), null);
    }

    JobStatus running() {
        return new JobStatus(eventId, eventVersion, state, false, score, scheduled, breaks, startedAt, bestSince,
                finishedAt, stoppedEarly, reason, candidates, notes, warnings, stopReason);
    }

    JobStatus withCandidates(int count) {
        return new JobStatus(eventId, eventVersion, state, queued, score, scheduled, breaks, startedAt, bestSince,
                finishedAt, stoppedEarly, reason, count, notes, warnings, stopReason);
    }

    JobStatus withPlan(List<String> planNotes, List<String> planWarnings) {
        return new JobStatus(eventId, eventVersion, state, queued, score, scheduled, breaks, startedAt, bestSince,
                finishedAt, stoppedEarly, reason, candidates, planNotes, planWarnings, stopReason);
    }

    JobStatus withBest(String newScore, int newScheduled, int newBreaks, Instant at) {
        return new JobStatus(eventId, eventVersion, state, false, newScore, newScheduled, newBreaks, startedAt, at,
                finishedAt, stoppedEarly, reason, candidates, notes, warnings, stopReason);
    }

    JobStatus done(Instant at, boolean early, StopReason why) {
        return new JobStatus(eventId, eventVersion, State.DONE, false, score, scheduled, breaks, startedAt, bestSince,
                at, early, null, candidates, notes, warnings, why);
    }

    JobStatus failed(Instant at, String why) {
        return new JobStatus(eventId, eventVersion, State.FAILED, false, score, scheduled, breaks, startedAt,
                bestSince, at, stoppedEarly, why, candidates, notes, warnings, null);
    }
}
