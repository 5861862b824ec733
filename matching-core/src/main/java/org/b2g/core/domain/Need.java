package org.b2g.core.domain;

import java.util.List;

/** An agency's challenge; a higher {@code priority} weighs more in relevance (default 1). */
public record Need(String id, String title, String description, List<String> tags, int priority) {
    public Need {
        tags = List.copyOf(tags);
    }
}
