package org.b2g.core.solver;

import java.time.Duration;

import org.b2g.core.domain.MeetingSchedule;

/**
 * A finished solve: the best schedule, when it was found and when the search stopped (both from the start of the
 * solve), and why it stopped.
 *
 * @param breaksLowerBound no schedule that meets every hard rule and every wanted meeting has fewer breaks
 * @param moves slot moves the search evaluated
 */
public record SolveReport(MeetingSchedule schedule, Duration timeToBest, Duration searchEnded, StopReason stopReason,
        long breaksLowerBound, long moves) {

    /** True when no schedule is better: the search proved its best optimal. */
    public boolean provedOptimal() {
        return stopReason == StopReason.PROVED_OPTIMAL;
    }
}
