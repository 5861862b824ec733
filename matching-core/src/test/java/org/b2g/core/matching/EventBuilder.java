package org.b2g.core.matching;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Request;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/** Builds small events in Java for tests: one day, one session without clock times. */
public final class EventBuilder {

    private final int slots;
    private int tables = 1;
    private final Map<String, Spec> participants = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final List<RequiredMeeting> meetings = new ArrayList<>();
    private Rules rules = new Rules(Rules.NO_CAP, 3, 0.2);
    private LocalDateTime start;

    private static final class Spec {
        Role role;
        String name;
        int representatives = 1;
        int maxMeetings = Participant.UNLIMITED;
        Set<Integer> unavailable = new HashSet<>();
        String homeTable;
        List<Offering> offerings = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
    }

    private EventBuilder(int slots) {
        this.slots = slots;
    }

    public static EventBuilder slots(int slots) {
        return new EventBuilder(slots);
    }

    public static Offering offering(String title, String description, String... tags) {
        return new Offering("o-" + Math.abs(title.hashCode()), title, description, List.of(tags));
    }

    public static Need need(String title, String description, int priority, String... tags) {
        return new Need("n-" + Math.abs(title.hashCode()), title, description, List.of(tags), priority);
    }

    public EventBuilder tables(int count) {
        this.tables = count;
        return this;
    }

    public EventBuilder startup(String id, Offering... offerings) {
        Spec spec = spec(id, Role.STARTUP);
        spec.offerings.addAll(List.of(offerings));
        return this;
    }

    public EventBuilder agency(String id, Need... needs) {
        Spec spec = spec(id, Role.AGENCY);
        spec.needs.addAll(List.of(needs));
        return this;
    }

    public EventBuilder company(String id) {
        spec(id, Role.COMPANY);
        return this;
    }

    public EventBuilder limits(String id, int representatives, int maxMeetings) {
        participants.get(id).representatives = representatives;
        participants.get(id).maxMeetings = maxMeetings;
        return this;
    }

    public EventBuilder unavailable(String id, Integer... slotNumbers) {
        participants.get(id).unavailable.addAll(List.of(slotNumbers));
        return this;
    }

    public EventBuilder homeTable(String id, String table) {
        participants.get(id).homeTable = table;
        return this;
    }

    public EventBuilder request(String from, String to, Priority priority) {
        requests.add(new Request(from, to, priority));
        return this;
    }

    public EventBuilder exclude(String a, String b) {
        exclusions.add(new Exclusion(a, b, "conflict of interest"));
        return this;
    }

    public EventBuilder required(String id, String a, String b, String... after) {
        meetings.add(new RequiredMeeting(id, a, b, null, 0, null, List.of(after)));
        return this;
    }

    public EventBuilder rules(int maxBreaks, int recommendations, double minRelevance) {
        rules = new Rules(maxBreaks, recommendations, minRelevance);
        return this;
    }

    private Spec spec(String id, Role role) {
        Spec spec = new Spec();
        spec.role = role;
        spec.name = id;
        participants.put(id, spec);
        return spec;
    }

    /** Gives the participant a name (by default it has none and is called by its id). */
    public EventBuilder named(String id, String name) {
        participants.get(id).name = name;
        return this;
    }

    /** Gives the slots clock times: 20 minutes each from {@code start}. */
    public EventBuilder startingAt(LocalDateTime start) {
        this.start = start;
        return this;
    }

    public Event build() {
        List<Slot> slotList = new ArrayList<>();
        for (int i = 1; i <= slots; i++) {
            LocalDateTime at = start == null ? null : start.plusMinutes(20L * (i - 1));
            slotList.add(new Slot(i, "day", 0, at, at == null ? null : at.plusMinutes(20)));
        }
        List<Table> tableList = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            tableList.add(new Table("T" + (i + 1), null, i));
        }
        List<Participant> list = new ArrayList<>();
        for (Map.Entry<String, Spec> e : participants.entrySet()) {
            Spec s = e.getValue();
            list.add(new Participant(e.getKey(), list.size(), s.role, s.name, s.representatives, 0, s.maxMeetings,
                    s.unavailable, s.homeTable, s.offerings, s.needs));
        }
        return new Event("test", "test", null, 20, List.of(new Session("day", "1", null, null, slots, 1)), slotList,
                tableList, list, meetings, requests, exclusions, rules);
    }
}
