package org.b2g.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;

/**
 * What a real week between publishing and the event does to a generated {@code b2g-event/1}, seeded: 3 % of the
 * startups cancel, two agencies that meet people at the end of the day lose their last two slots, about 15
 * requests are withdrawn, two pairs that were to meet get an exclusion, 30 late startups register with two requests
 * each (every fifth a must, every third answered by the agency, which makes it mutual), and 10 pairs that do not
 * meet yet ask each other for a meeting.
 */
public final class WeekOfChanges {

    /** Ids of the startups registered late, so that benchmarks can ask whether they got a meeting. */
    public static final String LATE_PREFIX = "s-late-";
    static final int LATE_STARTUPS = 30;
    static final int WITHDRAWN_REQUESTS = 15;
    static final int NEW_MUTUAL_REQUESTS = 10;

    private final Random random;

    private WeekOfChanges(long seed) {
        this.random = new Random(seed);
    }

    /** The event after the week: {@code event} as published, {@code published} its published schedule. */
    public static JsonObject apply(JsonObject event, ScheduleFile published, long seed) {
        return new WeekOfChanges(seed).change(event, published);
    }

    private JsonObject change(JsonObject event, ScheduleFile published) {
        List<JsonObject> participants = new ArrayList<>(event.getJsonArray("participants").getValuesAs(
                JsonObject.class));
        List<JsonObject> requests = new ArrayList<>(event.getJsonArray("requests").getValuesAs(JsonObject.class));
        List<JsonObject> meetings = new ArrayList<>(event.getJsonArray("meetings").getValuesAs(JsonObject.class));
        List<JsonObject> exclusions = new ArrayList<>(event.getJsonArray("exclusions").getValuesAs(
                JsonObject.class));
        int slotCount = EventGenerator.SLOTS;

        List<String> startups = ids(participants, "startup");
        List<String> agencies = ids(participants, "agency");
        Set<String> cancelled = new HashSet<>(pick(startups, Math.max(1, Math.round(startups.size() * 0.03f))));
        participants.removeIf(p -> cancelled.contains(p.getString("id")));
        requests.removeIf(r -> cancelled.contains(r.getString("from")) || cancelled.contains(r.getString("to")));
        meetings.removeIf(m -> involves(m.getJsonArray("participants"), cancelled));
        exclusions.removeIf(x -> involves(x.getJsonArray("participants"), cancelled));

        // Two agencies with meetings in the last two slots must leave early.
        Set<String> lateMeeters = new LinkedHashSet<>();
        for (Placement p : published.meetings()) {
            if (p.slot() >= slotCount - 1) {
                for (String id : List.of(p.first(), p.second())) {
                    if (agencies.contains(id)) {
                        lateMeeters.add(id);
                    }
                }
            }
        }
        Set<String> leaving = new HashSet<>(pick(new ArrayList<>(lateMeeters), 2));
        for (int i = 0; i < participants.size(); i++) {
            JsonObject p = participants.get(i);
            if (leaving.contains(p.getString("id"))) {
                JsonArrayBuilder slots = Json.createArrayBuilder();
                Set<Integer> unavailable = new TreeSet<>();
                if (p.containsKey("unavailableSlots")) {
                    p.getJsonArray("unavailableSlots").getValuesAs(jakarta.json.JsonNumber.class)
                            .forEach(n -> unavailable.add(n.intValue()));
                }
                unavailable.add(slotCount - 1);
                unavailable.add(slotCount);
                unavailable.forEach(slots::add);
                participants.set(i, Json.createObjectBuilder(p).add("unavailableSlots", slots).build());
            }
        }

        // Withdrawn requests, then exclusions between pairs that were to meet.
        for (int i = 0; i < WITHDRAWN_REQUESTS && !requests.isEmpty(); i++) {
            requests.remove(random.nextInt(requests.size()));
        }
        List<Placement> survivors = published.meetings().stream()
                .filter(p -> !cancelled.contains(p.first()) && !cancelled.contains(p.second())
                        && !p.origin().code().equals("required"))
                .toList();
        for (Placement p : pick(new ArrayList<>(survivors), 2)) {
            exclusions.add(Json.createObjectBuilder()
                    .add("participants", Json.createArrayBuilder().add(p.first()).add(p.second()))
                    .add("reason", "conflict of interest declared after publication").build());
        }

        // Late registrations: a profile like an existing startup's, two requests each.
        List<JsonObject> remainingStartups = participants.stream()
                .filter(p -> p.getString("role").equals("startup")).toList();
        Set<String> asked = new HashSet<>();
        requests.forEach(r -> asked.add(r.getString("from") + ">" + r.getString("to")));
        for (int i = 1; i <= LATE_STARTUPS; i++) {
            JsonObject model = remainingStartups.get(random.nextInt(remainingStartups.size()));
            String id = LATE_PREFIX + String.format("%02d", i);
            JsonObjectBuilder late = Json.createObjectBuilder(model).add("id", id)
                    .add("name", model.getString("name", id) + " (late)");
            late.remove("unavailableSlots");
            if (model.containsKey("offerings")) {
                JsonArrayBuilder offerings = Json.createArrayBuilder();
                for (JsonObject offering : model.getJsonArray("offerings").getValuesAs(JsonObject.class)) {
                    offerings.add(Json.createObjectBuilder(offering).add("id", id + "-" + offering.getString("id",
                            "o")));
                }
                late.add("offerings", offerings);
            }
            late.remove("minMeetings");
            participants.add(late.build());
            int r = 2 * (i - 1);
            for (String agency : pick(agencies, 2)) {
                r++;
                requests.add(request(id, agency, r % 5 == 0 ? "must" : r % 2 == 0 ? "high" : "normal"));
                asked.add(id + ">" + agency);
                if (r % 3 == 0) {
                    requests.add(request(agency, id, "normal"));
                    asked.add(agency + ">" + id);
                }
            }
        }

        // New mutual requests between a startup and an agency that do not meet yet.
        Set<String> meetingPairs = new HashSet<>();
        published.meetings().forEach(p -> meetingPairs.add(p.first() + "+" + p.second()));
        published.meetings().forEach(p -> meetingPairs.add(p.second() + "+" + p.first()));
        List<String> stillThere = ids(participants, "startup").stream().filter(s -> !s.startsWith(LATE_PREFIX))
                .toList();
        for (int added = 0, tries = 0; added < NEW_MUTUAL_REQUESTS && tries < 10_000; tries++) {
            String s = stillThere.get(random.nextInt(stillThere.size()));
            String a = agencies.get(random.nextInt(agencies.size()));
            if (meetingPairs.contains(s + "+" + a) || asked.contains(s + ">" + a) || asked.contains(a + ">" + s)
                    || leaving.contains(a)) {
                continue;
            }
            requests.add(request(s, a, "normal"));
            requests.add(request(a, s, "high"));
            asked.add(s + ">" + a);
            asked.add(a + ">" + s);
            added++;
        }
        return Json.createObjectBuilder(event)
                .add("participants", array(participants))
                .add("requests", array(requests))
                .add("meetings", array(meetings))
                .add("exclusions", array(exclusions))
                .build();
    }

    private static JsonObject request(String from, String to, String priority) {
        return Json.createObjectBuilder().add("from", from).add("to", to).add("priority", priority).build();
    }

    private static List<String> ids(List<JsonObject> participants, String role) {
        return participants.stream().filter(p -> p.getString("role").equals(role)).map(p -> p.getString("id"))
                .toList();
    }

    private static boolean involves(JsonArray pair, Set<String> ids) {
        for (JsonValue value : pair) {
            if (ids.contains(((JsonString) value).getString())) {
                return true;
            }
        }
        return false;
    }

    private <T> List<T> pick(List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private static JsonArray array(List<JsonObject> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        return array.build();
    }
}
