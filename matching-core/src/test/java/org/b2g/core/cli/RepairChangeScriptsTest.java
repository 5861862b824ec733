package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes to the sample event as another team's scripts would make them (edit the event file, run {@code ./b2g
 * repair} as of 10:00 on the day), each checked against what the command promises: the documented exit code, every
 * hard rule kept, no meeting of a slot that has started moved and no new one placed there, and a change report that
 * agrees with the two schedules compared independently.
 */
class RepairChangeScriptsTest {

    /** The sample, shipped by the datasets module; the tests run in matching-core's folder. */
    private static final Path SAMPLE = Path.of("../datasets/src/main/resources/org/b2g/datasets/hcmc-dx-day.json");
    /** Slots 1-5 (08:30-09:50) have started. */
    private static final String NOW = "2024-10-10T10:00+07:00";
    private static final OffsetDateTime NOW_TIME = OffsetDateTime.parse("2024-10-10T10:00:00+07:00");

    @TempDir
    static Path dir;

    private static JsonObject sample;
    private static Path published;
    private static JsonObject publishedSchedule;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void publishTheSample() throws IOException {
        assertTrue(Files.exists(SAMPLE), "the sample event is missing at " + SAMPLE.toAbsolutePath());
        sample = read(SAMPLE);
        published = dir.resolve("published.json");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"solve", SAMPLE.toString(), "--seed", "1", "--move-limit", "300000", "--out",
                published.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(errors));
        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        publishedSchedule = read(published);
    }

    // ------------------------------------------------------------------------------------------- the scripts

    @Test
    void aStartupCancels() throws IOException {
        Result r = repair("cancel", withoutParticipant(sample, "s-003"));

        assertFalse(r.changes().getJsonArray("cancelled").isEmpty());
        for (JsonValue c : r.changes().getJsonArray("cancelled")) {
            assertEquals("s-003 no longer takes part in the event", c.asJsonObject().getString("reason"));
        }
        assertEquals(List.of(), r.meetingsOf("s-003"));
    }

    @Test
    void aLateStartupRegistersWithAMustRequest() throws IOException {
        JsonObject late = Json.createObjectBuilder().add("id", "s-late").add("role", "startup")
                .add("name", "Late Flood Sensors").add("maxMeetings", 4)
                .add("offerings", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "o-late")
                        .add("title", "Flood early warning sensors").add("description", "IoT water-level sensors")
                        .add("tags", Json.createArrayBuilder().add("iot").add("flooding")))).build();
        JsonObject event = edit(sample, "participants", list -> append(list, late));
        event = edit(event, "requests", list -> append(append(list, request("s-late", "a-donre", "must")),
                request("s-late", "a-d1", "normal")));

        Result r = repair("late", event);

        JsonObject must = r.meetingOf("s-late", "a-donre");
        assertNotNull(must, "the late startup's must request is not met");
        assertTrue(start(must).isAfter(NOW_TIME), "placed in a slot that has started: " + must);
    }

    @Test
    void aTableIsRemoved() throws IOException {
        // T22 is an agency's home table: the script takes that away too, as the reader asks.
        JsonObject event = edit(sample, "event", e -> e);
        JsonObjectBuilder header = Json.createObjectBuilder(sample.getJsonObject("event"));
        header.add("tables", filter(sample.getJsonObject("event").getJsonArray("tables"),
                t -> !t.asJsonObject().getString("id").equals("T22")));
        event = Json.createObjectBuilder(event).add("event", header).build();
        event = edit(event, "participants", list -> map(list, p -> "T22".equals(p.getString("homeTable", null))
                ? Json.createObjectBuilder(p).remove("homeTable").build() : p));
        long atT22 = publishedSchedule.getJsonArray("meetings").stream()
                .filter(m -> "T22".equals(m.asJsonObject().getString("table"))).count();
        assertTrue(atT22 > 0, "no published meeting at T22 to test with");

        Result r = repair("table", event);

        assertTrue(r.schedule().getJsonArray("meetings").stream()
                .noneMatch(m -> "T22".equals(m.asJsonObject().getString("table"))));
        for (JsonValue m : r.changes().getJsonArray("moved")) {
            JsonObject from = m.asJsonObject().getJsonObject("from");
            if ("T22".equals(from.getString("table")) && !OffsetDateTime.parse(from.getString("start")).isAfter(
                    NOW_TIME)) {
                assertTrue(m.asJsonObject().getString("reason").startsWith("table T22 no longer exists; the meeting"
                        + " has taken place in slot "), m.toString());
            }
        }
        // Every meeting that was at T22 is somewhere (a started one in its own slot), or cancelled with a reason.
        assertEquals(atT22, r.schedule().getJsonArray("meetings").stream()
                .filter(m -> publishedAt(m.asJsonObject(), "T22")).count()
                + r.changes().getJsonArray("cancelled").stream()
                        .filter(c -> publishedAt(c.asJsonObject(), "T22")).count());
    }

    @Test
    void theLastMorningSlotIsRemovedAndTheLaterNumbersFollow() throws IOException {
        // The morning ends at 11:30 instead of 11:50: slot 10 (11:30) goes, slots 11-20 become 10-19, and a careful
        // script renumbers every unavailableSlots entry to match.
        JsonObject event = session(sample, 0, s -> Json.createObjectBuilder(s).add("end", "11:30").build());
        event = edit(event, "participants", list -> map(list, p -> renumbered(p, k -> k == 10 ? null
                : k > 10 ? k - 1 : k)));

        Result r = repair("slot", event);

        for (JsonValue c : r.changes().getJsonArray("moved")) {
            JsonObject from = c.asJsonObject().getJsonObject("from");
            assertTrue(OffsetDateTime.parse(from.getString("start")).isAfter(NOW_TIME), c.toString());
        }
        assertTrue(r.schedule().getJsonArray("meetings").stream()
                .noneMatch(m -> m.asJsonObject().getString("start").startsWith("2024-10-10T11:30")));
        assertTrue(r.err().contains("warning: the slots were renumbered since the schedule was published (its slot"
                + " 11 is now slot 10 at 2024-10-10 13:30)"), r.err());
    }

    @Test
    void anAgencyWithMeetingsLeavesAt1110() throws IOException {
        JsonObject event = edit(sample, "participants", list -> map(list, p -> p.getString("id").equals("a-doet")
                ? Json.createObjectBuilder(p).add("unavailableSlots", numbers(9, 20)).build() : p));

        Result r = repair("narrow", event);

        for (JsonObject m : r.meetingsOf("a-doet")) {
            assertTrue(start(m).isBefore(OffsetDateTime.parse("2024-10-10T11:10:00+07:00")), m.toString());
        }
        assertFalse(r.changes().getJsonArray("cancelled").isEmpty(), "a-doet had meetings after 11:10");
        for (JsonValue c : r.changes().getJsonArray("cancelled")) {
            assertTrue(c.asJsonObject().getString("reason").startsWith("a-doet is no longer available in slot "),
                    c.toString());
        }
    }

    @Test
    void twoBusyPeopleMustMeet() throws IOException {
        // a-donre holds the most meetings of the published schedule.
        JsonObject event = edit(sample, "requests", list -> append(list, request("a-donre", "s-001", "must")));

        Result r = repair("must", event);

        JsonObject must = r.meetingOf("a-donre", "s-001");
        assertNotNull(must, "the must request between two busy people is not met");
        assertTrue(start(must).isAfter(NOW_TIME), must.toString());
    }

    @Test
    void freezeKeepsEveryStandingMeetingAtItsSlotAndTableOnTheDay() throws IOException {
        JsonObject event = edit(sample, "requests", list -> append(list, request("a-donre", "s-001", "must")));

        Result r = repair("must-freeze", event, "freeze");

        assertEquals(List.of(), r.changes().getJsonArray("moved"));
        assertEquals(publishedSchedule.getJsonArray("meetings").size(), r.changes().getInt("kept"));
    }

    @Test
    void aSessionIsAddedAtTheEndOfTheDay() throws IOException {
        JsonObject event = edit(sample, "event", e -> e);
        event = Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(sample.getJsonObject("event"))
                .add("sessions", append(sample.getJsonObject("event").getJsonArray("sessions"), Json
                        .createObjectBuilder().add("id", "d1-ev").add("day", "2024-10-10").add("start", "17:00")
                        .add("slots", 3).build()))).build();

        Result r = repair("session", event);

        assertEquals(0, r.changes().getJsonArray("moved").size());
        assertEquals(0, r.changes().getJsonArray("cancelled").size());
        assertFalse(r.err().contains("renumbered"), r.err());
    }

    @Test
    void aSessionIsAddedBeforeTheOthersAndNobodysNumbersFollow() throws IOException {
        JsonObject event = edit(sample, "event", e -> e);
        JsonArrayBuilder sessions = Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "d1-early")
                .add("day", "2024-10-10").add("start", "07:30").add("slots", 2));
        sample.getJsonObject("event").getJsonArray("sessions").forEach(sessions::add);
        event = Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(sample.getJsonObject("event"))
                .add("sessions", sessions)).build();

        Result r = repair("early", event);

        assertTrue(r.err().contains("warning: the slots were renumbered since the schedule was published (its slot 1"
                + " is now slot 3 at 2024-10-10 08:30)"), r.err());
        assertTrue(r.err().contains("warning: a-dot: unavailableSlots 1-3 now mean 07:30-08:10, 08:30-08:50; at the"
                + " published numbering they meant 08:30-09:30, now slots 3-5; check which a-dot means"), r.err());
    }

    @Test
    void aRequiredMeetingAddedAfterTheEventHasNoSlotLeftAndExitsThree() throws IOException {
        JsonObject event = edit(sample, "meetings", list -> append(list, Json.createObjectBuilder().add("id", "m-late")
                .add("participants", Json.createArrayBuilder().add("s-010").add("a-dost")).build()));
        Path file = Files.writeString(dir.resolve("required.json"), event.toString());
        Path outFile = dir.resolve("required.out.json");

        // As of the day after the event: every slot has taken place.
        int exit = main("repair", file.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "20000", "--out", outFile.toString(), "--now", "2024-10-11T09:00");

        assertEquals(Command.INFEASIBLE, exit, err.toString(StandardCharsets.UTF_8));
        JsonObject schedule = read(outFile);
        assertEquals("Required meeting m-late (BachDangVision Digital with Sở Khoa học và Công nghệ TP.HCM) has no"
                + " slot.", schedule.getJsonArray("violations").getString(0));
        assertEquals(publishedSchedule.getJsonArray("meetings").size(), schedule.getJsonArray("meetings").size());
    }

    @Test
    void aScriptThatRemovesAParticipantButNotItsRequestsIsBadInputNamingThePlace() throws IOException {
        JsonObject event = edit(sample, "participants", list -> filter(list,
                p -> !p.asJsonObject().getString("id").equals("s-001")));
        Path file = Files.writeString(dir.resolve("careless.json"), event.toString());

        int exit = main("repair", file.toString(), "--published", published.toString(), "--now", NOW);

        assertEquals(Command.BAD_INPUT, exit);
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith(file + ": ") && error.contains("unknown participant \"s-001\""), error);
    }

    // ------------------------------------------------------------------------------------------- the checks

    private record Result(JsonObject schedule, JsonObject changes, String err) {
        List<JsonObject> meetingsOf(String id) {
            return schedule.getJsonArray("meetings").stream().map(JsonValue::asJsonObject)
                    .filter(m -> pair(m).contains(id)).toList();
        }

        JsonObject meetingOf(String a, String b) {
            return meetingsOf(a).stream().filter(m -> pair(m).contains(b)).findFirst().orElse(null);
        }
    }

    /** Runs the repair of {@code event} against the published sample and checks what every repair promises. */
    private Result repair(String name, JsonObject event) throws IOException {
        return repair(name, event, "minimal");
    }

    private Result repair(String name, JsonObject event, String mode) throws IOException {
        Path eventFile = Files.writeString(dir.resolve(name + ".json"), event.toString());
        Path outFile = dir.resolve(name + ".out.json");
        Path changesFile = dir.resolve(name + ".changes.json");
        int exit = main("repair", eventFile.toString(), "--published", published.toString(), "--now", NOW,
                "--seed", "1", "--move-limit", "100000", "--out", outFile.toString(), "--changes",
                changesFile.toString(), "--mode", mode);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(Command.OK, exit, errors);
        JsonObject schedule = read(outFile);
        JsonObject changes = read(changesFile);

        assertTrue(schedule.getString("score").startsWith("0hard/"), schedule.getString("score"));
        assertTrue(!schedule.containsKey("violations") || schedule.getJsonArray("violations").isEmpty());
        assertTrue(errors.contains(" slots have started at 2024-10-10T10:00+07:00 "), errors);
        checkThePastStands(event, schedule);
        checkTheReport(schedule, changes);
        return new Result(schedule, changes, errors);
    }

    /**
     * Every published meeting of a slot that has started is still there, at its time and (unless the table is gone)
     * its table, but for those of a participant who left or a pair now excluded; and no other meeting went there.
     */
    private static void checkThePastStands(JsonObject event, JsonObject schedule) {
        Set<String> participants = new HashSet<>();
        event.getJsonArray("participants").forEach(p -> participants.add(p.asJsonObject().getString("id")));
        Set<String> tables = new HashSet<>();
        event.getJsonObject("event").getJsonArray("tables").forEach(t -> tables.add(t.asJsonObject().getString("id")));
        Map<String, JsonObject> now = new HashMap<>();
        schedule.getJsonArray("meetings").forEach(m -> now.put(key(m.asJsonObject()), m.asJsonObject()));
        Set<String> pastKeys = new HashSet<>();
        for (JsonValue value : publishedSchedule.getJsonArray("meetings")) {
            JsonObject m = value.asJsonObject();
            if (!start(m).isBefore(NOW_TIME) || !participants.containsAll(pair(m))) {
                continue;
            }
            pastKeys.add(key(m));
            JsonObject there = now.get(key(m));
            assertNotNull(there, "the meeting of a slot that has started is gone: " + m);
            assertEquals(m.getString("start"), there.getString("start"), "moved out of a started slot: " + m);
            if (tables.contains(m.getString("table"))) {
                assertEquals(m.getString("table"), there.getString("table"), "moved to another table: " + m);
            }
        }
        for (JsonObject m : now.values()) {
            assertTrue(!start(m).isBefore(NOW_TIME) || pastKeys.contains(key(m)),
                    "a new meeting in a slot that has started: " + m);
        }
    }

    /** The report's counts and tallies against the two schedules compared here, by id, else by pair. */
    private static void checkTheReport(JsonObject schedule, JsonObject changes) {
        Map<String, JsonObject> byId = new HashMap<>();
        Map<String, List<JsonObject>> byPair = new HashMap<>();
        for (JsonValue v : schedule.getJsonArray("meetings")) {
            JsonObject m = v.asJsonObject();
            byId.put(m.getString("id"), m);
            byPair.computeIfAbsent(String.join("+", new TreeSet<>(pair(m))), k -> new ArrayList<>()).add(m);
        }
        Set<String> used = new HashSet<>();
        int kept = 0;
        int moved = 0;
        int cancelled = 0;
        Map<String, int[]> tallies = new TreeMap<>();
        for (JsonValue v : publishedSchedule.getJsonArray("meetings")) {
            JsonObject m = v.asJsonObject();
            JsonObject n = byId.get(m.getString("id"));
            if (n == null || !pair(n).containsAll(pair(m))) {
                n = byPair.getOrDefault(String.join("+", new TreeSet<>(pair(m))), List.of()).stream()
                        .filter(x -> !used.contains(x.getString("id"))).findFirst().orElse(null);
            }
            int kind;
            if (n == null) {
                cancelled++;
                kind = 2;
            } else {
                used.add(n.getString("id"));
                boolean same = n.getString("start").equals(m.getString("start"))
                        && n.getString("table").equals(m.getString("table"));
                kept += same ? 1 : 0;
                moved += same ? 0 : 1;
                kind = same ? 0 : 1;
            }
            for (String id : pair(m)) {
                tallies.computeIfAbsent(id, k -> new int[4])[kind]++;
            }
        }
        int added = 0;
        for (JsonObject n : byId.values()) {
            if (!used.contains(n.getString("id"))) {
                added++;
                for (String id : pair(n)) {
                    tallies.computeIfAbsent(id, k -> new int[4])[3]++;
                }
            }
        }
        assertEquals(List.of(kept, moved, cancelled, added), List.of(changes.getInt("kept"),
                changes.getJsonArray("moved").size(), changes.getJsonArray("cancelled").size(),
                changes.getJsonArray("added").size()), "kept, moved, cancelled, added");
        tallies.values().removeIf(t -> t[1] + t[2] + t[3] == 0);
        JsonObject reported = changes.getJsonObject("participants");
        assertEquals(tallies.keySet(), reported.keySet(), "the people affected");
        tallies.forEach((id, t) -> {
            JsonObject tally = reported.getJsonObject(id);
            assertEquals(List.of(t[0], t[1], t[2], t[3]), List.of(tally.getInt("kept"), tally.getInt("moved"),
                    tally.getInt("cancelled"), tally.getInt("added")), id);
        });
        assertEquals(tallies.size(), changes.getInt("peopleAffected"));
        for (JsonValue v : changes.getJsonArray("moved")) {
            assertFalse(v.asJsonObject().getString("reason").isBlank(), v.toString());
        }
        for (JsonValue v : changes.getJsonArray("cancelled")) {
            assertFalse(v.asJsonObject().getString("reason").isBlank(), v.toString());
        }
    }

    // ------------------------------------------------------------------------------------------- JSON editing

    private int main(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static JsonObject read(Path file) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }

    private static List<String> pair(JsonObject m) {
        return m.getJsonArray("participants").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static String key(JsonObject m) {
        return String.join("+", new TreeSet<>(pair(m))) + "@" + m.getString("start");
    }

    private static OffsetDateTime start(JsonObject m) {
        return OffsetDateTime.parse(m.getString("start"));
    }

    /** True when {@code m} (a meeting or a cancellation) is the published meeting at {@code table}. */
    private static boolean publishedAt(JsonObject m, String table) {
        return publishedSchedule.getJsonArray("meetings").stream().map(JsonValue::asJsonObject)
                .anyMatch(p -> p.getString("id").equals(m.getString("id")) && table.equals(p.getString("table")));
    }

    private static JsonObject edit(JsonObject event, String field, UnaryOperator<JsonArray> change) {
        if (!(event.get(field) instanceof JsonArray array)) {
            return event;
        }
        return Json.createObjectBuilder(event).add(field, change.apply(array)).build();
    }

    private static JsonObject session(JsonObject event, int index, UnaryOperator<JsonObject> change) {
        JsonArray sessions = event.getJsonObject("event").getJsonArray("sessions");
        JsonArrayBuilder changed = Json.createArrayBuilder();
        for (int i = 0; i < sessions.size(); i++) {
            changed.add(i == index ? change.apply(sessions.getJsonObject(i)) : sessions.get(i));
        }
        return Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(event.getJsonObject("event"))
                .add("sessions", changed)).build();
    }

    private static JsonObject withoutParticipant(JsonObject event, String id) {
        Predicate<JsonValue> other = v -> !pairOrEnds(v.asJsonObject()).contains(id);
        JsonObject result = edit(event, "participants", list -> filter(list,
                p -> !p.asJsonObject().getString("id").equals(id)));
        result = edit(result, "requests", list -> filter(list, other));
        result = edit(result, "exclusions", list -> filter(list, other));
        return edit(result, "meetings", list -> filter(list, other));
    }

    private static List<String> pairOrEnds(JsonObject o) {
        return o.containsKey("participants") ? pair(o) : List.of(o.getString("from"), o.getString("to"));
    }

    private static JsonArray filter(JsonArray list, Predicate<JsonValue> keep) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        list.stream().filter(keep).forEach(b::add);
        return b.build();
    }

    private static JsonArray map(JsonArray list, UnaryOperator<JsonObject> change) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        list.forEach(v -> b.add(change.apply(v.asJsonObject())));
        return b.build();
    }

    private static JsonArray append(JsonArray list, JsonValue value) {
        return Json.createArrayBuilder(list).add(value).build();
    }

    private static JsonObject request(String from, String to, String priority) {
        return Json.createObjectBuilder().add("from", from).add("to", to).add("priority", priority).build();
    }

    private static JsonArray numbers(int from, int to) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (int k = from; k <= to; k++) {
            b.add(k);
        }
        return b.build();
    }

    /** {@code p} with each unavailable slot number changed as {@code change} says (null drops it). */
    private static JsonObject renumbered(JsonObject p, UnaryOperator<Integer> change) {
        if (!p.containsKey("unavailableSlots")) {
            return p;
        }
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (JsonValue v : p.getJsonArray("unavailableSlots")) {
            Integer k = change.apply(((jakarta.json.JsonNumber) v).intValue());
            if (k != null) {
                b.add(k);
            }
        }
        return Json.createObjectBuilder(p).add("unavailableSlots", b).build();
    }
}
