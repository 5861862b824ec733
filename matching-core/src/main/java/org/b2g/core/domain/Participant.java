package org.b2g.core.domain;

import java.util.List;
import java.util.Set;

/**
 * A startup, an agency or a generic company. {@code index} is its position in the event (from 0) so that
 * solvers can keep per-participant state in arrays. {@code maxMeetings} is {@link #UNLIMITED} when not set;
 * {@code homeTable} is a table id or null; {@code englishName} is the name English readers see (an agency's official
 * English name), or null when the event gives none.
 */
public record Participant(String id, int index, Role role, String name, int representatives,
        int minMeetings, int maxMeetings, Set<Integer> unavailableSlots, String homeTable,
        List<Offering> offerings, List<Need> needs, String englishName) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** A participant without an English name of its own. */
    public Participant(String id, int index, Role role, String name, int representatives, int minMeetings,
            int maxMeetings, Set<Integer> unavailableSlots, String homeTable, List<Offering> offerings,
            List<Need> needs) {
        this(id, index, role, name, representatives, minMeetings, maxMeetings, unavailableSlots, homeTable, offerings,
                needs, null);
    }

    public Participant {
        unavailableSlots = Set.copyOf(unavailableSlots);
        offerings = List.copyOf(offerings);
        needs = List.copyOf(needs);
    }

    /** A generic participant with defaults, as the literature's instances have. */
    public static Participant company(String id, int index, Set<Integer> unavailableSlots) {
        return new Participant(id, index, Role.COMPANY, id, 1, 0, UNLIMITED, unavailableSlots, null,
                List.of(), List.of());
    }

    public boolean isAvailable(int slot) {
        return !unavailableSlots.contains(slot);
    }

    /** The name when there is one, else the id: what people read in messages. */
    public String label() {
        return name == null || name.isBlank() ? id : name;
    }

    @Override
    public String toString() {
        return label();
    }
}
