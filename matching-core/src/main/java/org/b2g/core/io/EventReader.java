package org.b2g.core.io;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.b2g.core.domain.Table;

/**
 * Maps a parsed {@code b2g-event/1} document onto the domain. Ids are indexed before references are resolved, so
 * the first unknown id is reported with its JSON path; every other check names the field and the value too.
 */
final class EventReader {

    private static final int MAX_TABLES = 100_000;
    /** Needs are ranked 1 to 3, 3 the most pressing (the spreadsheets' contract). */
    static final int MAX_NEED_PRIORITY = 3;

    private final JsonNode root;
    private final Map<String, String> participantPaths = new HashMap<>();
    private final Map<String, String> meetingPaths = new HashMap<>();
    private SessionPlan plan;
    private List<Table> tables;
    private Map<String, Table> tableById;

    EventReader(JsonNode root) {
        this.root = root;
    }

    Event read() {
        root.object();
        checkFormat(root.get("format"));
        JsonNode event = root.get("event");
        event.object();
        String id = event.get("id").string();
        String name = event.get("name").textOr(id);
        JsonNode slotMinutesNode = event.get("slotMinutes");
        int slotMinutes = slotMinutesNode.integerOr(0, 1, 24 * 60);
        plan = SessionPlan.read(event.get("sessions"), slotMinutes, slotMinutesNode);
        ZoneId zone = zone(event.get("timeZone"), plan.hasClockTimes());
        if (zone != null) {
            plan.checkClockTimes(zone);
        }
        tables = tables(event.get("tables"));
        tableById = new HashMap<>();
        for (Table table : tables) {
            tableById.put(table.id(), table);
        }
        List<Participant> participants = participants(root.get("participants"));
        List<RequiredMeeting> meetings = meetings(root.get("meetings"));
        List<Request> requests = requests(root.get("requests"));
        List<Exclusion> exclusions = exclusions(root.get("exclusions"));
        Rules rules = rules(root.get("rules"));
        return new Event(id, name, zone, slotMinutes, plan.sessions(), plan.slots(), tables, participants, meetings,
                requests, exclusions, rules);
    }

    private static void checkFormat(JsonNode node) {
        if (!node.present()) {
            throw node.fail(" is missing; expected \"" + EventJson.FORMAT + "\"");
        }
        if (!node.string().equals(EventJson.FORMAT)) {
            throw node.fail(" (" + node.shown() + ") is not supported; expected \"" + EventJson.FORMAT + "\"");
        }
    }

    /**
     * The event's zone; {@link EventJson#DEFAULT_TIME_ZONE} when the document gives none although its sessions have
     * clock times (said as a warning by {@link EventJson#documentWarnings}), null when it needs none.
     */
    private static ZoneId zone(JsonNode node, boolean needed) {
        if (!node.present()) {
            return needed ? EventJson.DEFAULT_TIME_ZONE : null;
        }
        try {
            return ZoneId.of(node.string());
        } catch (DateTimeException e) {
            throw node.fail(" (" + node.shown() + ") is not a known time zone; expected an IANA zone such as"
                    + " \"Asia/Ho_Chi_Minh\"");
        }
    }

    // ---------------------------------------------------------------- tables and participants

    private static List<Table> tables(JsonNode node) {
        List<Table> tables = new ArrayList<>();
        if (node.isNumber()) {
            int n = node.integer(1, MAX_TABLES);
            for (int t = 1; t <= n; t++) {
                tables.add(new Table(String.valueOf(t), null, t - 1));
            }
            return tables;
        }
        if (node.present() && !node.isArray()) {
            throw node.fail(" (" + node.shown() + ") should be a list of tables or a number of tables");
        }
        List<JsonNode> items = node.items();
        if (items.isEmpty()) {
            throw node.fail(" is empty; expected at least one table");
        }
        Map<String, String> pathById = new HashMap<>();
        for (JsonNode item : items) {
            // A table is an object with an id (and a name), or just its id: ["T1", "T2"] is a list of tables too.
            if (!item.isString() && !(item.present() && item.isObject())) {
                throw item.fail(" (" + item.shown() + ") should be a table: an object with an id, or the id alone");
            }
            JsonNode idNode = item.isString() ? item : item.get("id");
            String id = idNode.string();
            String earlier = pathById.putIfAbsent(id, item.path());
            if (earlier != null) {
                throw idNode.fail(": duplicate table id \"" + id + "\" (also at " + earlier + ")");
            }
            tables.add(new Table(id, item.isString() ? null : item.get("name").textOr(null), tables.size()));
        }
        return tables;
    }

    private List<Participant> participants(JsonNode node) {
        List<JsonNode> items = node.items();
        for (JsonNode item : items) {
            item.object();
            JsonNode idNode = item.get("id");
            String id = idNode.string();
            String earlier = participantPaths.putIfAbsent(id, item.path());
            if (earlier != null) {
                throw idNode.fail(": duplicate participant id \"" + id + "\" (also at " + earlier + ")");
            }
        }
        List<Participant> participants = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            participants.add(participant(item, participants.size()));
        }
        return participants;
    }

    private Participant participant(JsonNode node, int index) {
        String id = node.get("id").string();
        JsonNode roleNode = node.get("role");
        Role role = Role.fromCode(roleNode.string());
        if (role == null) {
            throw roleNode.fail(" (" + roleNode.shown() + ") is not a role; expected startup, agency or company");
        }
        int representatives = node.get("representatives").integerOr(1, 1, Integer.MAX_VALUE);
        int maxMeetings = node.get("maxMeetings").integerOr(Participant.UNLIMITED, 0, Integer.MAX_VALUE);
        int minMeetings = node.get("minMeetings").integerOr(0, 0, Integer.MAX_VALUE);
        if (minMeetings > maxMeetings) {
            throw node.get("minMeetings").fail(" (" + minMeetings + ") exceeds maxMeetings (" + maxMeetings + ")");
        }
        Set<Integer> unavailable = new HashSet<>();
        for (JsonNode slot : node.get("unavailableSlots").itemsOrEmpty()) {
            unavailable.add(slot.integer(1, plan.slots().size()));
        }
        JsonNode homeNode = node.get("homeTable");
        String homeTable = homeNode.present() ? table(homeNode).id() : null;
        return new Participant(id, index, role, node.get("name").textOr(null), representatives, minMeetings,
                maxMeetings, unavailable, homeTable, offerings(node.get("offerings")), needs(node.get("needs")),
                node.get("englishName").textOr(null));
    }

    private static List<Offering> offerings(JsonNode node) {
        List<Offering> offerings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : node.itemsOrEmpty()) {
            item.object();
            String id = uniqueId(item, "o-" + (offerings.size() + 1), ids, "offering");
            List<String> tags = tags(item.get("tags"));
            offerings.add(new Offering(id, title(item, tags, "offering"), item.get("description").textOr(""), tags));
        }
        return offerings;
    }

    /**
     * An offering's or need's title; "" for an untitled one, which its tags alone describe (a participant's "fields of
     * interest" from a spreadsheet): matching reads its tags, and there is no text to match. An item with neither a
     * title nor a tag says nothing and is refused.
     */
    private static String title(JsonNode item, List<String> tags, String what) {
        JsonNode title = item.get("title");
        if (!title.present() && !tags.isEmpty()) {
            return "";
        }
        if (!title.present()) {
            throw title.fail(" is missing; expected the " + what + "'s title, or tags for an untitled " + what);
        }
        return title.string();
    }

    private static List<Need> needs(JsonNode node) {
        List<Need> needs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : node.itemsOrEmpty()) {
            item.object();
            String id = uniqueId(item, "n-" + (needs.size() + 1), ids, "need");
            List<String> tags = tags(item.get("tags"));
            String title = title(item, tags, "need");
            needs.add(new Need(id, title, item.get("description").textOr(""), tags, needPriority(item.get("priority"))));
        }
        return needs;
    }

    /** A need's priority: 1 (the default), 2 or 3, 3 the most pressing, as the spreadsheets' needPriority. */
    private static int needPriority(JsonNode node) {
        if (!node.present()) {
            return 1;
        }
        if (!node.isNumber()) {
            throw node.fail(" (" + node.shown() + ") should be a whole number; expected 1, 2 or 3 (3 the most"
                    + " important)");
        }
        try {
            return node.integer(1, MAX_NEED_PRIORITY);
        } catch (InputException e) {
            throw node.fail(" (" + node.shown() + ") is not a need priority; expected 1, 2 or 3 (3 the most"
                    + " important)");
        }
    }

    /** Offerings and needs may omit their id: it then defaults to their position ("o-1", "n-2", ...). */
    private static String uniqueId(JsonNode item, String fallback, Set<String> ids, String what) {
        JsonNode idNode = item.get("id");
        String id = idNode.stringOr(fallback);
        if (!ids.add(id)) {
            throw idNode.fail(": duplicate " + what + " id \"" + id + "\" within one participant");
        }
        return id;
    }

    private static List<String> tags(JsonNode node) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node.itemsOrEmpty()) {
            tags.add(tag.string());
        }
        return tags;
    }

    // ---------------------------------------------------------------- references between records

    private List<RequiredMeeting> meetings(JsonNode node) {
        List<JsonNode> items = node.itemsOrEmpty();
        for (JsonNode item : items) {
            item.object();
            JsonNode idNode = item.get("id");
            String id = idNode.string();
            String earlier = meetingPaths.putIfAbsent(id, item.path());
            if (earlier != null) {
                throw idNode.fail(": duplicate meeting id \"" + id + "\" (also at " + earlier + ")");
            }
        }
        List<RequiredMeeting> meetings = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            meetings.add(meeting(item));
        }
        return meetings;
    }

    private RequiredMeeting meeting(JsonNode node) {
        String id = node.get("id").string();
        String[] pair = pair(node.get("participants"), "a meeting of");
        JsonNode sessionNode = node.get("session");
        String session = sessionNode.present() ? sessionId(sessionNode) : null;
        int fixedSlot = node.get("fixedSlot").integerOr(0, 1, plan.slots().size());
        JsonNode tableNode = node.get("fixedTable");
        String fixedTable = tableNode.present() ? table(tableNode).id() : null;
        Set<String> after = new LinkedHashSet<>();
        for (JsonNode earlierNode : node.get("after").itemsOrEmpty()) {
            String earlier = earlierNode.string();
            if (!meetingPaths.containsKey(earlier)) {
                throw earlierNode.fail(": unknown meeting \"" + earlier + "\""
                        + IdLookalikes.hint(earlier, meetingPaths));
            }
            if (earlier.equals(id)) {
                throw earlierNode.fail(": meeting \"" + id + "\" cannot come after itself");
            }
            after.add(earlier);
        }
        return new RequiredMeeting(id, pair[0], pair[1], session, fixedSlot, fixedTable, List.copyOf(after));
    }

    private List<Request> requests(JsonNode node) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode item : node.itemsOrEmpty()) {
            item.object();
            String from = participantId(item.get("from"));
            String to = participantId(item.get("to"));
            if (from.equals(to)) {
                throw item.fail(": a request from \"" + from + "\" to itself; expected two different participants");
            }
            JsonNode priorityNode = item.get("priority");
            Priority priority = Priority.NORMAL;
            if (priorityNode.present()) {
                priority = Priority.fromCode(priorityNode.string());
                if (priority == null) {
                    throw priorityNode.fail(" (" + priorityNode.shown()
                            + ") is not a priority; expected must, high or normal");
                }
            }
            requests.add(new Request(from, to, priority));
        }
        return requests;
    }

    private List<Exclusion> exclusions(JsonNode node) {
        List<Exclusion> exclusions = new ArrayList<>();
        for (JsonNode item : node.itemsOrEmpty()) {
            item.object();
            String[] pair = pair(item.get("participants"), "an exclusion of");
            exclusions.add(new Exclusion(pair[0], pair[1], item.get("reason").textOr(null)));
        }
        return exclusions;
    }

    private static Rules rules(JsonNode node) {
        if (!node.present()) {
            return Rules.DEFAULT;
        }
        node.object();
        Rules d = Rules.DEFAULT;
        return new Rules(
                node.get("maxBreaksPerParticipant").integerOr(d.maxBreaksPerParticipant(), 0, Integer.MAX_VALUE),
                node.get("recommendationsPerParticipant").integerOr(d.recommendationsPerParticipant(), 0,
                        Integer.MAX_VALUE),
                node.get("minRelevance").numberOr(d.minRelevance(), 0.0, 1.0));
    }

    /** Two different, known participant ids. */
    private String[] pair(JsonNode node, String what) {
        List<JsonNode> ids = node.items();
        if (ids.size() != 2) {
            throw node.fail(" has " + ids.size() + " entries; expected the ids of two participants");
        }
        String first = participantId(ids.get(0));
        String second = participantId(ids.get(1));
        if (first.equals(second)) {
            throw node.fail(": " + what + " \"" + first + "\" with itself; expected two different participants");
        }
        return new String[] {first, second};
    }

    private String participantId(JsonNode node) {
        String id = node.string();
        if (!participantPaths.containsKey(id)) {
            throw node.fail(": unknown participant \"" + id + "\"" + IdLookalikes.hint(id, participantPaths));
        }
        return id;
    }

    private String sessionId(JsonNode node) {
        String id = node.string();
        if (plan.sessions().stream().noneMatch(s -> s.id().equals(id))) {
            throw node.fail(": unknown session \"" + id + "\"");
        }
        return id;
    }

    private Table table(JsonNode node) {
        String id = node.string();
        Table table = tableById.get(id);
        if (table == null) {
            throw node.fail(": unknown table \"" + id + "\"");
        }
        return table;
    }
}
