package org.b2g.core.solver;

import java.util.List;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched, as one sentence an organizer can act on, and the facts or meetings it is about
 * (for indictments and for pages that highlight them).
 */
public record Justification(String text, List<Object> subjects) implements ConstraintJustification,
        Comparable<Justification> {

    public Justification {
        subjects = List.copyOf(subjects);
    }

    static Justification of(String text, Object... subjects) {
        return new Justification(text, List.of(subjects));
    }

    @Override
    public int compareTo(Justification other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
