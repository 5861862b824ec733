package org.b2g.core.repair;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.b2g.core.domain.Origin;

/**
 * What a repair changes in a published schedule ({@code b2g-changes/1}): the meetings kept where they were, moved
 * (from, to, why), cancelled (why) and added, and per participant how many of each, so that an organizer sees what
 * every person will be told before publishing.
 *
 * @param mode what made the new schedule: a repair in minimal or freeze mode, or a plain solve
 * @param participants per participant whose agenda changes, in id order
 */
public record Changes(String event, DraftMode mode, int kept, List<Moved> moved, List<Cancelled> cancelled,
        List<Added> added, Map<String, Tally> participants) {

    public Changes {
        moved = List.copyOf(moved);
        cancelled = List.copyOf(cancelled);
        added = List.copyOf(added);
        participants = Collections.unmodifiableMap(new TreeMap<>(participants));
    }

    /** A slot and table; {@code start} is the clock time as written in schedules, or null; table may be null. */
    public record Place(int slot, String table, String start) {
    }

    public record Moved(String id, List<String> participants, Place from, Place to, String reason) {
    }

    /** @param slot the published slot number */
    public record Cancelled(String id, List<String> participants, int slot, String start, String reason) {
    }

    public record Added(String id, List<String> participants, Place at, Origin origin) {
    }

    /** How one participant's agenda changes. */
    public record Tally(int kept, int moved, int cancelled, int added) {

        public boolean changed() {
            return moved + cancelled + added > 0;
        }
    }

    /** Participants whose agenda changes: the people who must be told. */
    public int peopleAffected() {
        return participants.size();
    }
}
