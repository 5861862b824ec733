package org.b2g.core.domain;

/** A meeting table; {@code index} is its position in the event's list, from 0. */
public record Table(String id, String name, int index) {

    @Override
    public String toString() {
        return name == null || name.isEmpty() ? "table " + id : name;
    }
}
