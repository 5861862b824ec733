package org.b2g.core.domain;

/** A wish of {@code from} to meet {@code to}. */
public record Request(String from, String to, Priority priority) {
}
