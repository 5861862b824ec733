package org.b2g.core.solver;

import java.time.Duration;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A new best schedule found while solving: what progress bars show. */
public record Progress(HardMediumSoftLongScore score, int scheduled, int breaks, Duration elapsed) {
}
