package org.b2g.core.matching;

import java.util.List;

import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Reason;

/**
 * How well a startup's offerings answer an agency's needs.
 *
 * @param score relevance in [0, 1]; 0 when nothing matches
 * @param details why, as codes with values, strongest first; empty when nothing matches
 */
public record Match(Participant startup, Participant agency, double score, List<Reason> details) {
    public Match {
        details = List.copyOf(details);
    }

    /** The reasons as default English sentences. */
    public List<String> reasons() {
        return details.stream().map(Reason::text).toList();
    }
}
