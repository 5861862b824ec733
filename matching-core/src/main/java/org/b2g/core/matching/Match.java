package org.b2g.core.matching;

import java.util.List;

import org.b2g.core.domain.Participant;

/**
 * How well a startup's offerings answer an agency's needs.
 *
 * @param score relevance in [0, 1]; 0 when nothing matches
 * @param reasons sentences a person understands, strongest first; empty when nothing matches
 */
public record Match(Participant startup, Participant agency, double score, List<String> reasons) {
    public Match {
        reasons = List.copyOf(reasons);
    }
}
