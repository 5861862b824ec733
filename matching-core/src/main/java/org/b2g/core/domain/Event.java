package org.b2g.core.domain;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an organizer tells the engine about one event, as read from {@code b2g-event/1} or a {@code .dzn}
 * file, already checked for consistency: ids are unique and every reference resolves.
 * Participants, slots and tables are indexed so that {@code participants().get(p.index()) == p},
 * {@code slots().get(s.index() - 1) == s} and {@code tables().get(t.index()) == t}.
 * Immutable; a class rather than a record only to keep its id lookups. Equal to another event with the same
 * components, as a record would be (so that a service can find the matching it already did for an equal event).
 */
public final class Event {

    private final String id;
    private final String name;
    private final ZoneId timeZone;
    private final int slotMinutes;
    private final List<Session> sessions;
    private final List<Slot> slots;
    private final List<Table> tables;
    private final List<Participant> participants;
    private final List<RequiredMeeting> meetings;
    private final List<Request> requests;
    private final List<Exclusion> exclusions;
    private final Rules rules;
    private final Map<String, Participant> participantById = new HashMap<>();
    private final Map<String, Table> tableById = new HashMap<>();
    private final Map<String, Session> sessionById = new HashMap<>();
    /** The hash of the components, once asked for (0 until then). */
    private int hash;

    public Event(String id, String name, ZoneId timeZone, int slotMinutes, List<Session> sessions,
            List<Slot> slots, List<Table> tables, List<Participant> participants, List<RequiredMeeting> meetings,
            List<Request> requests, List<Exclusion> exclusions, Rules rules) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.slotMinutes = slotMinutes;
        this.sessions = List.copyOf(sessions);
        this.slots = List.copyOf(slots);
        this.tables = List.copyOf(tables);
        this.participants = List.copyOf(participants);
        this.meetings = List.copyOf(meetings);
        this.requests = List.copyOf(requests);
        this.exclusions = List.copyOf(exclusions);
        this.rules = rules;
        for (Participant p : this.participants) {
            participantById.put(p.id(), p);
        }
        for (Table t : this.tables) {
            tableById.put(t.id(), t);
        }
        for (Session s : this.sessions) {
            sessionById.put(s.id(), s);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Event e && hashCode() == e.hashCode() && Objects.equals(id, e.id)
                && Objects.equals(name, e.name) && Objects.equals(timeZone, e.timeZone) && slotMinutes == e.slotMinutes
                && sessions.equals(e.sessions) && slots.equals(e.slots) && tables.equals(e.tables)
                && participants.equals(e.participants) && meetings.equals(e.meetings) && requests.equals(e.requests)
                && exclusions.equals(e.exclusions) && Objects.equals(rules, e.rules);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(id, name, timeZone, slotMinutes, sessions, slots, tables, participants, meetings,
                    requests, exclusions, rules);
            hash = h;
        }
        return h;
    }

    public String id() { return id; }
    public String name() { return name; }
    /** The zone of the sessions' clock times; null when sessions have none. */
    public ZoneId timeZone() { return timeZone; }
    public int slotMinutes() { return slotMinutes; }
    public List<Session> sessions() { return sessions; }
    public List<Slot> slots() { return slots; }
    public List<Table> tables() { return tables; }
    public List<Participant> participants() { return participants; }
    public List<RequiredMeeting> meetings() { return meetings; }
    public List<Request> requests() { return requests; }
    public List<Exclusion> exclusions() { return exclusions; }
    public Rules rules() { return rules; }

    public int slotCount() {
        return slots.size();
    }

    /** The slot numbered {@code index} (1-based). */
    public Slot slot(int index) {
        return slots.get(index - 1);
    }

    /** The participant with this id, or null. */
    public Participant participant(String participantId) {
        return participantById.get(participantId);
    }

    /** The table with this id, or null. */
    public Table table(String tableId) {
        return tableById.get(tableId);
    }

    /** The session with this id, or null. */
    public Session session(String sessionId) {
        return sessionById.get(sessionId);
    }

    public boolean excluded(String a, String b) {
        for (Exclusion exclusion : exclusions) {
            if (exclusion.covers(a, b)) {
                return true;
            }
        }
        return false;
    }

    /** The same event with other rules: the command line's {@code --max-breaks} overrides the file's break cap. */
    public Event withRules(Rules newRules) {
        return new Event(id, name, timeZone, slotMinutes, sessions, slots, tables, participants, meetings,
                requests, exclusions, newRules);
    }

    /** The same event with other exclusions: a repair scores without those of pairs that have already met. */
    public Event withExclusions(List<Exclusion> newExclusions) {
        return new Event(id, name, timeZone, slotMinutes, sessions, slots, tables, participants, meetings,
                requests, newExclusions, rules);
    }

    @Override
    public String toString() {
        return "Event " + id + " (" + participants.size() + " participants, " + meetings.size()
                + " required meetings, " + slots.size() + " slots, " + tables.size() + " tables)";
    }
}
