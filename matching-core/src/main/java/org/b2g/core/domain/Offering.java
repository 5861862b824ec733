package org.b2g.core.domain;

import java.util.List;

/** A startup's product or solution, as it describes it. */
public record Offering(String id, String title, String description, List<String> tags) {
    public Offering {
        tags = List.copyOf(tags);
    }
}
