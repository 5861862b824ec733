package org.b2g.core.domain;

/** Meeting {@code earlier} must take a strictly earlier slot than meeting {@code later} (both by id). */
public record Precedence(String earlier, String later) {
}
