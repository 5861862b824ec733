package org.b2g.core.solver;

import java.time.Duration;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A new best schedule found while solving: what progress bars show.
 *
 * @param slots the best schedule's slot index (0-based) of every candidate meeting, in the problem's meeting order,
 *        -1 when unscheduled; null when not known. A service keeps it so that a job taken over by another process
 *        continues from here instead of from nothing.
 */
public record Progress(HardMediumSoftLongScore score, int scheduled, int breaks, Duration elapsed, int[] slots) {

    public Progress(HardMediumSoftLongScore score, int scheduled, int breaks, Duration elapsed) {
        this(score, scheduled, breaks, elapsed, null);
    }
}
