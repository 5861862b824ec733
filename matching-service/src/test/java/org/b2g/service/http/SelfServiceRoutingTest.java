package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Self-service through the routes, without a network: off by default, ask, accept into a new published version,
 * decline, cancel (which takes the meeting out again), and every refusal with its status and words.
 */
@RoutingTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfServiceRoutingTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static Backend backend;
    /** A startup, an agency and a second startup, with a slot where all three are free and two tables are. */
    private static String startup;
    private static String agency;
    private static String other;
    private static int slot;
    private static String accepted;
    private final DirectClient client;

    SelfServiceRoutingTest(DirectClient client) {
        this.client = client;
    }

    record Answer(int status, JsonObject json) {
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-self-service-test"));
        String body = TestService.sampleEvent();
        backend.database().inTransaction(c -> backend.events().insert(c, TestService.EVENT_ID, "demo", 10, 1L, body));
        backend.solving().start(TestService.EVENT_ID, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE,
                backend.solving().await(TestService.EVENT_ID, Duration.ofSeconds(60)).state());
        backend.publication().publish(TestService.EVENT_ID, 0);
        findThreeFreeInOneSlot(EventJson.read(body, "sample"));
        Api.register(routing, backend);
    }

    /**
     * Two startups that can each meet one agency (with one representative) in the same slot, as the published
     * version stands.
     */
    private static void findThreeFreeInOneSlot(Event event) {
        String published = backend.database().inTransaction(c -> backend.schedules().published(c,
                TestService.EVENT_ID, 0)).body();
        Openings openings = Openings.of(event, ScheduleJson.read(published, "published"), "published");
        List<Participant> startups = event.participants().stream().filter(p -> p.role() == Role.STARTUP).toList();
        for (Participant a : event.participants()) {
            if (a.role() != Role.AGENCY || a.representatives() > 1) {
                continue; // one meeting at a time, so that a slot taken is taken
            }
            for (Participant s1 : startups) {
                for (Participant s2 : startups) {
                    if (s1 == s2) {
                        continue;
                    }
                    for (Openings.Opening o1 : openings.find(s1.id(), a.id(), 100).openings()) {
                        for (Openings.Opening o2 : openings.find(s2.id(), a.id(), 100).openings()) {
                            if (o1.slot().equals(o2.slot())) {
                                startup = s1.id();
                                other = s2.id();
                                agency = a.id();
                                slot = o1.slot().index();
                                return;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("the sample's published schedule has no slot free for two startups and an agency");
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private Answer send(Method method, String path, String token, String body) {
        Http1ClientRequest request = client.method(method).uri(path);
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, TestService.bearer(token));
        }
        try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.as(String.class);
            JsonObject json = text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(text)).readObject();
            return new Answer(response.status().code(), json);
        }
    }

    private static String tokenOf(String participant) {
        return TestService.participantToken(backend, TestService.EVENT_ID, participant);
    }

    private Answer ask(String from, String to, int inSlot) {
        return send(Method.POST, EVENT + "/participants/" + from + "/requests", tokenOf(from),
                "{\"with\": \"" + to + "\", \"slot\": " + inSlot + "}");
    }

    private Answer act(String who, String requestId, String action) {
        return send(Method.POST, EVENT + "/participants/" + who + "/requests/" + requestId + "/" + action,
                tokenOf(who), null);
    }

    private Answer counterparts(String who, String limit) {
        try (HttpClientResponse response = client.get(EVENT + "/participants/" + who + "/counterparts")
                .queryParam("limit", limit).header(HeaderNames.AUTHORIZATION, TestService.bearer(tokenOf(who)))
                .request()) {
            return new Answer(response.status().code(),
                    Json.createReader(new StringReader(response.as(String.class))).readObject());
        }
    }

    private Answer agenda(String who) {
        return send(Method.GET, EVENT + "/participants/" + who + "/agenda", tokenOf(who), null);
    }

    private static boolean meets(JsonObject agenda, String counterpart, int inSlot) {
        return agenda.getJsonArray("meetings").stream().map(JsonValue::asJsonObject).anyMatch(m ->
                m.getJsonObject("counterpart").getString("id").equals(counterpart) && m.getInt("slot") == inSlot);
    }

    private int versions() {
        return send(Method.GET, EVENT + "/versions", TestService.ORGANIZER, null).json().getJsonArray("versions")
                .size();
    }

    @Test
    @Order(1)
    void isOffUntilTheOrganizerTurnsItOn() {
        Answer overview = send(Method.GET, EVENT + "/self-service", TestService.ORGANIZER, null);
        assertAll(() -> assertEquals(200, overview.status()),
                () -> assertFalse(overview.json().getBoolean("enabled")));
        Answer refused = ask(startup, agency, slot);
        assertEquals(403, refused.status(), refused.json().toString());
        assertTrue(refused.json().getString("detail").startsWith("Self-service is off for the event"));

        Answer bad = send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": \"yes\"}");
        assertEquals(400, bad.status());
        assertEquals("request body: enabled (\"yes\") should be true or false.", bad.json().getString("detail"));
        assertEquals(403, send(Method.PUT, EVENT + "/self-service", tokenOf(startup), "{\"enabled\": true}").status(),
                "a participant cannot turn it on");
        Answer on = send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": true}");
        assertAll(() -> assertEquals(200, on.status()), () -> assertTrue(on.json().getBoolean("enabled")));
    }

    @Test
    @Order(2)
    void listsCounterpartsWorthMeetingWithTheSlotsWhereBothAreFree() {
        Answer answer = send(Method.GET, EVENT + "/participants/s-flood/counterparts", tokenOf("s-flood"), null);
        assertEquals(200, answer.status(), answer.json().toString());
        assertTrue(answer.json().getBoolean("selfService"));
        assertEquals(1, answer.json().getInt("version"));
        for (JsonValue value : answer.json().getJsonArray("counterparts")) {
            JsonObject c = value.asJsonObject();
            assertTrue(!c.getJsonArray("openings").isEmpty() || c.containsKey("reason"), c.toString());
            assertFalse(c.getString("origin").equals("required"), c.toString());
        }
        assertEquals(403, send(Method.GET, EVENT + "/participants/s-flood/counterparts", tokenOf("a-water"), null)
                .status(), "someone else's token");
        try (HttpClientResponse inAddress = client.get(EVENT + "/participants/s-flood/counterparts")
                .queryParam("token", tokenOf("s-flood")).request()) {
            assertEquals(401, inAddress.status().code());
            assertTrue(inAddress.as(String.class).contains("(Authorization: Bearer)"), "the header, not the address");
        }
    }

    @Test
    @Order(3)
    void refusesBadRequestsWithTheFieldAndValue() {
        String path = EVENT + "/participants/" + startup + "/requests";
        assertAll(
                () -> assertEquals("request body: slot (\"4\") should be a slot number.", send(Method.POST, path,
                        tokenOf(startup), "{\"with\": \"" + agency + "\", \"slot\": \"4\"}").json().getString("detail")),
                () -> assertEquals("request body: with: unknown participant \"a-nobody\".", send(Method.POST, path,
                        tokenOf(startup), "{\"with\": \"a-nobody\", \"slot\": 1}").json().getString("detail")),
                () -> assertTrue(send(Method.POST, path, tokenOf(startup), "{\"with\": \"" + agency
                        + "\", \"slot\": 999}").json().getString("detail").startsWith("request body: slot (999) is"
                                + " outside 1..")),
                () -> assertEquals(400, send(Method.POST, path, tokenOf(startup), "[1, 2]").status()),
                () -> assertEquals(400, send(Method.POST, path, tokenOf(startup), "{\"with\": ").status()),
                () -> assertEquals("request body: with (" + startup + ") is the participant asking; expected the id"
                        + " of another participant.", ask(startup, startup, slot).json().getString("detail"),
                        "nobody meets itself"));
    }

    @Test
    @Order(3)
    void namesAMissingOrNullFieldAndWhatItExpects() {
        String path = EVENT + "/participants/" + startup + "/requests";
        String with = "request body: the field 'with' is missing; expected the id of the participant to meet, such as"
                + " \"a-dost\".";
        String inSlot = "request body: the field 'slot' is missing; expected a slot number such as 3.";
        assertAll(
                () -> assertEquals(with, send(Method.POST, path, tokenOf(startup), "{\"slot\": 1}").json()
                        .getString("detail")),
                () -> assertEquals(with.replace("is missing", "is null"), send(Method.POST, path, tokenOf(startup),
                        "{\"with\": null, \"slot\": 1}").json().getString("detail")),
                () -> assertEquals(inSlot, send(Method.POST, path, tokenOf(startup), "{\"with\": \"" + agency + "\"}")
                        .json().getString("detail")),
                () -> assertEquals(inSlot.replace("is missing", "is null"), send(Method.POST, path, tokenOf(startup),
                        "{\"with\": \"" + agency + "\", \"slot\": null}").json().getString("detail")),
                () -> assertEquals(400, send(Method.POST, path, tokenOf(startup), "{}").status()));
    }

    @Test
    @Order(3)
    void refusesASlotTooLargeForANumberInsteadOfWrappingItRound() {
        String path = EVENT + "/participants/" + startup + "/requests";
        // 2^32 + slot: intValue() would make it slot `slot` again and store that request.
        Answer wrapped = send(Method.POST, path, tokenOf(startup), "{\"with\": \"" + agency + "\", \"slot\": "
                + (4294967296L + slot) + "}");
        assertEquals(400, wrapped.status(), wrapped.json().toString());
        assertEquals("request body: slot (" + (4294967296L + slot) + ") is not a slot of the event; expected a number"
                + " from 1 to its number of slots.", wrapped.json().getString("detail"));
        assertTrue(send(Method.GET, path, tokenOf(startup), null).json().getJsonArray("requests").isEmpty(),
                "nothing stored");
    }

    @Test
    @Order(3)
    void refusesABodyWithTextAfterItsObject() {
        Answer twice = send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER,
                "{\"enabled\": true} {\"enabled\": false}");
        assertEquals(400, twice.status(), twice.json().toString());
        assertTrue(twice.json().getString("detail").startsWith("request body: text after the end of the JSON"
                + " document"), twice.json().toString());
        Answer empty = send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "");
        assertEquals("The body is empty; expected a JSON object.", empty.json().getString("detail"));
    }

    @Test
    @Order(3)
    void refusesAKeyGivenTwiceInsteadOfTakingTheLastOne() {
        String path = EVENT + "/participants/" + startup + "/requests";
        Answer twice = send(Method.POST, path, tokenOf(startup), "{\"with\": \"" + agency + "\", \"slot\": " + slot
                + ", \"with\": \"" + other + "\"}");
        assertEquals(400, twice.status(), twice.json().toString());
        assertEquals("request body: \"with\" is given twice in one object; expected it once.",
                twice.json().getString("detail"));
        assertTrue(send(Method.GET, path, tokenOf(startup), null).json().getJsonArray("requests").isEmpty(),
                "nothing stored");
    }

    @Test
    @Order(3)
    void refusesAStartupAskingAnotherStartupThatTheEventDoesNotPair() {
        String path = EVENT + "/participants/" + startup + "/requests";
        Answer same = ask(startup, other, slot);
        assertEquals(400, same.status(), same.json().toString());
        assertEquals("request body: with (" + other + ") is a startup like " + startup + "; expected an agency (the"
                + " counterparts route lists them), or a pair the event asks to meet.", same.json().getString("detail"));
        assertTrue(send(Method.GET, path, tokenOf(startup), null).json().getJsonArray("requests").isEmpty(),
                "nothing stored");
    }

    @Test
    @Order(3)
    void refusesACounterpartLimitOutsideItsRange() {
        for (String limit : List.of("0", "-1", "abc", "5001", "99999999999")) {
            Answer bad = counterparts(startup, limit);
            assertEquals(400, bad.status(), limit);
            assertEquals("The query parameter limit (" + limit + ") should be a whole number from 1 to 5000.",
                    bad.json().getString("detail"));
        }
        Answer all = counterparts(startup, "5000");
        assertTrue(all.json().getInt("total") > 1, all.json().toString());
        Answer one = counterparts(startup, "1");
        assertEquals(200, one.status());
        assertEquals(1, one.json().getJsonArray("counterparts").size());
        assertEquals(all.json().getInt("total"), one.json().getInt("total"));
    }

    @Test
    void refusesPublishedVersionZeroInsteadOfAnsweringTheLatestAsIt() {
        Answer zero = send(Method.GET, EVENT + "/versions/0", TestService.ORGANIZER, null);
        assertEquals(400, zero.status(), zero.json().toString());
        assertEquals("The version (0) should be a whole number, 1 or more.", zero.json().getString("detail"));
    }

    /** The organizer marks {@code meeting} held through participant {@code pid}'s address. */
    private Answer mark(String pid, String meeting) {
        try (HttpClientResponse response = client.put(EVENT + "/participants/" + pid + "/meetings/" + meeting
                + "/attendance").queryParam("state", "held")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            return new Answer(response.status().code(),
                    Json.createReader(new StringReader(response.as(String.class))).readObject());
        }
    }

    @Test
    void theOrganizerMarkingAMeetingThroughAParticipantNotInItGets404() {
        String published = backend.publication().body(TestService.EVENT_ID, 0); // the latest version
        ScheduleFile.Placement meeting = ScheduleJson.read(published, "published").meetings().get(0);
        String stranger = meeting.first().equals("s-park") || meeting.second().equals("s-park") ? "s-chat" : "s-park";
        Answer wrong = mark(stranger, meeting.id());
        assertEquals(404, wrong.status(), wrong.json().toString());
        assertTrue(wrong.json().getString("detail").contains("is not one of participant (" + stranger + ")"),
                wrong.json().toString());
        Answer longId = mark(meeting.first(), "c-" + "x".repeat(403));
        assertEquals(404, longId.status(), "a meeting id may be twice as long as a participant id: "
                + longId.json());
    }

    @Test
    @Order(4)
    void acceptingPublishesTheMeetingAndTheSlotIsThenTakenForOthers() {
        int before = versions();
        Answer first = ask(startup, agency, slot);
        assertEquals(201, first.status(), first.json().toString());
        assertEquals("PENDING", first.json().getString("state"));
        assertEquals("outgoing", first.json().getString("direction"));
        Answer second = ask(other, agency, slot);
        assertEquals(201, second.status(), "a slot can be asked for twice; only one acceptance wins");
        assertEquals(409, ask(startup, agency, slot).status(), "one pending request per pair");
        String firstId = first.json().getString("id");
        String secondId = second.json().getString("id");

        Answer own = act(startup, firstId, "accept");
        assertEquals(403, own.status(), "the one who asked cannot accept");
        Answer theirs = send(Method.GET, EVENT + "/participants/" + agency + "/requests", tokenOf(agency), null);
        assertTrue(theirs.json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("id").equals(firstId) && r.getString("direction").equals("incoming")));

        Answer accepted = act(agency, firstId, "accept");
        assertEquals(200, accepted.status(), accepted.json().toString());
        assertEquals("ACCEPTED", accepted.json().getString("state"));
        assertEquals(before + 1, accepted.json().getInt("version"));
        assertEquals(before + 1, versions());
        assertTrue(meets(agenda(startup).json(), agency, slot), "in the startup's agenda");
        assertTrue(meets(agenda(agency).json(), startup, slot), "in the agency's agenda");
        SelfServiceRoutingTest.accepted = firstId;

        Answer lost = act(agency, secondId, "accept");
        assertEquals(409, lost.status(), lost.json().toString());
        assertTrue(lost.json().getString("detail").startsWith(other + " and " + agency + " cannot meet in slot "
                + slot), lost.json().getString("detail"));
        assertEquals(before + 1, versions(), "nothing published for the loser");
        assertEquals(409, act(agency, firstId, "accept").status(), "an accepted request cannot be accepted again");
        assertEquals(409, ask(other, agency, slot).status(), "the slot is no longer free for the agency");
    }

    @Test
    @Order(5)
    void declinesAndCancelsPendingRequests() {
        Answer list = send(Method.GET, EVENT + "/participants/" + other + "/requests", tokenOf(other), null);
        String pending = list.json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("state").equals("PENDING")).findFirst().orElseThrow().getString("id");
        assertEquals(403, act(other, pending, "decline").status(), "the one who asked cancels, not declines");
        Answer declined = act(agency, pending, "decline");
        assertAll(() -> assertEquals(200, declined.status()),
                () -> assertEquals("DECLINED", declined.json().getString("state")),
                () -> assertEquals(agency, declined.json().getString("closedBy")));
        assertEquals(409, act(other, pending, "cancel").status(), "a declined request is closed");
        assertEquals(404, act(other, "r-nothing", "cancel").status());
        assertEquals(403, act("a-water".equals(agency) ? "a-info" : "a-water", pending, "cancel").status(),
                "only its two participants can cancel it");
    }

    @Test
    @Order(6)
    void cancellingAnAcceptedMeetingTakesItOutOfThePublishedSchedule() {
        int before = versions();
        Answer cancelled = act(startup, accepted, "cancel");
        assertAll(() -> assertEquals(200, cancelled.status(), cancelled.json().toString()),
                () -> assertEquals("CANCELLED", cancelled.json().getString("state")));
        assertEquals(before + 1, versions());
        JsonObject agenda = agenda(agency).json();
        assertFalse(meets(agenda, startup, slot));
        assertTrue(agenda.getJsonArray("cancelled").stream().map(JsonValue::asJsonObject)
                .anyMatch(c -> c.getJsonObject("counterpart").getString("id").equals(startup)),
                "calendars are told: " + agenda);
        Answer again = ask(other, agency, slot);
        assertEquals(201, again.status(), "the slot is free again");
    }

    @Test
    @Order(7)
    void theOrganizerSeesEveryRequest() {
        Answer overview = send(Method.GET, EVENT + "/self-service", TestService.ORGANIZER, null);
        List<String> states = overview.json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .map(r -> r.getString("state")).sorted().toList();
        assertEquals(List.of("CANCELLED", "DECLINED", "PENDING"), states);
        send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": false}");
        String pending = overview.json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("state").equals("PENDING")).findFirst().orElseThrow().getString("id");
        assertEquals(403, act(agency, pending, "accept").status(), "nothing is accepted once it is off");
    }

    @Test
    @Order(8)
    void aParticipantMarkedAbsentCannotAskOrBeAskedAndItsPendingRequestIsWithdrawnWithTheAbsenceAsReason() {
        send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": true}");
        String pending = send(Method.GET, EVENT + "/participants/" + other + "/requests", tokenOf(other), null).json()
                .getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("state").equals("PENDING")).findFirst().orElseThrow().getString("id");
        try (HttpClientResponse absence = client.post(EVENT + "/participants/" + other + "/absence")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(200, absence.status().code(), absence.as(String.class));
        }
        int before = versions();

        JsonObject withdrawn = send(Method.GET, EVENT + "/participants/" + agency + "/requests", tokenOf(agency),
                null).json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(pending)).findFirst().orElseThrow();
        assertAll(() -> assertEquals("CANCELLED", withdrawn.getString("state"), "not pending forever"),
                () -> assertEquals("organizer", withdrawn.getString("closedBy")),
                () -> assertEquals(other + " was marked absent on the day.", withdrawn.getString("reason")));
        Answer accepted = act(agency, pending, "accept");
        assertEquals(409, accepted.status(), accepted.json().toString());
        assertEquals("Request " + pending + " is cancelled (by organizer: " + other + " was marked absent on the day);"
                + " only a pending one can be answered.", accepted.json().getString("detail"));
        Answer asks = ask(other, agency, slot);
        assertEquals(409, asks.status(), asks.json().toString());
        assertEquals(other + " was marked absent on the day; it can no longer ask for or accept a meeting.",
                asks.json().getString("detail"));
        Answer asked = ask(agency, other, slot);
        assertEquals(409, asked.status(), asked.json().toString());
        assertTrue(asked.json().getString("detail").startsWith(other + " was marked absent on the day"));
        assertEquals(before, versions(), "nothing published");
        assertEquals(409, act(other, pending, "cancel").status(), "withdrawn already");

        Answer back = send(Method.DELETE, EVENT + "/participants/" + other + "/absence", TestService.ORGANIZER, null);
        assertEquals(200, back.status(), back.json().toString());
        assertEquals(before + 1, back.json().getInt("version"));
        assertEquals(before + 1, versions(), "the absence taken back is a version of its own");
        assertTrue(back.json().containsKey("restored") && back.json().containsKey("notRestored")
                && back.json().containsKey("requestsReopened"), back.json().toString());
        assertEquals(201, askInAFreeSlot(agency, other).status(), "it can be asked again");
        assertEquals(403, send(Method.DELETE, EVENT + "/participants/" + other + "/absence", tokenOf(other), null)
                .status(), "the organizer's alone");
        Answer again = send(Method.DELETE, EVENT + "/participants/" + other + "/absence", TestService.ORGANIZER,
                null);
        assertEquals(404, again.status());
        assertEquals(other + " is not marked absent; there is no absence to take back.",
                again.json().getString("detail"));
    }

    /** Asks in the first slot where the two can meet now; the answer. */
    private Answer askInAFreeSlot(String from, String to) {
        for (int s = 1; s <= 40; s++) {
            Answer asked = ask(from, to, s);
            if (asked.status() != 409 || !asked.json().getString("detail").contains("cannot meet in")) {
                return asked;
            }
        }
        throw new AssertionError(from + " and " + to + " have no slot left");
    }

    private JsonObject requestOf(String participant, String requestId) {
        return send(Method.GET, EVENT + "/participants/" + participant + "/requests", tokenOf(participant), null)
                .json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    @Order(9)
    void anAcceptedRequestWhoseMeetingTheOrganizersPublicationDropsReadsCancelledWithWhy() {
        Answer asked = askInAFreeSlot(startup, agency);
        assertEquals(201, asked.status(), asked.json().toString());
        String id = asked.json().getString("id");
        assertEquals(200, act(agency, id, "accept").status());

        // The organizer rolls back to the first version, from before the acceptance: it does not hold that meeting.
        Answer published;
        try (HttpClientResponse response = client.post(EVENT + "/publish").queryParam("version", "1")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            published = new Answer(response.status().code(), Json.createReader(new StringReader(
                    response.as(String.class))).readObject());
        }
        assertEquals(201, published.status(), published.json().toString());

        JsonObject request = requestOf(startup, id);
        assertAll(() -> assertEquals("CANCELLED", request.getString("state"), "not accepted: its meeting is gone"),
                () -> assertEquals("organizer", request.getString("closedBy")),
                () -> assertEquals("Published version " + published.json().getInt("version")
                        + " no longer holds this meeting.", request.getString("reason")));
    }

    @Test
    @Order(10)
    void theRequestsOfAParticipantAnEditRemovesAreClosedAndCannotBeAccepted() {
        Answer asked = askInAFreeSlot(startup, agency);
        assertEquals(201, asked.status(), asked.json().toString());
        String id = asked.json().getString("id");
        JsonObject event = Json.createReader(new StringReader(backend.database().inTransaction(c ->
                backend.events().find(c, TestService.EVENT_ID)).body())).readObject();
        var participants = Json.createArrayBuilder();
        event.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> !p.getString("id").equals(startup)).forEach(participants::add);
        var requests = Json.createArrayBuilder();
        event.getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                .filter(r -> !r.getString("from").equals(startup) && !r.getString("to").equals(startup))
                .forEach(requests::add);
        var exclusions = Json.createArrayBuilder();
        event.getJsonArray("exclusions").getValuesAs(JsonObject.class).stream()
                .filter(x -> !x.getJsonArray("participants").getString(0).equals(startup)
                        && !x.getJsonArray("participants").getString(1).equals(startup))
                .forEach(exclusions::add);
        var meetings = Json.createArrayBuilder();
        event.getJsonArray("meetings").getValuesAs(JsonObject.class).stream()
                .filter(m -> !m.getJsonArray("participants").getString(0).equals(startup)
                        && !m.getJsonArray("participants").getString(1).equals(startup))
                .forEach(meetings::add);
        Answer edited = send(Method.PUT, EVENT, TestService.ORGANIZER, Json.createObjectBuilder(event)
                .add("participants", participants).add("requests", requests).add("exclusions", exclusions)
                .add("meetings", meetings).build().toString());
        assertEquals(200, edited.status(), edited.json().toString());

        JsonObject request = requestOf(agency, id);
        assertAll(() -> assertEquals("CANCELLED", request.getString("state"), "not pending forever"),
                () -> assertEquals(startup + " no longer takes part in the event.", request.getString("reason")));
        Answer accepted = act(agency, id, "accept");
        assertEquals(409, accepted.status(), "a conflict with what happened, not a bad request: " + accepted.json());
        assertTrue(accepted.json().getString("detail").contains(startup + " no longer takes part in the event"));
    }

    @Test
    @Order(11)
    void afterAnEditThePublishedScheduleNoLongerFitsTheCounterpartsSayRequestsArePausedAsTheAskDoes() {
        String pending = send(Method.GET, EVENT + "/participants/" + other + "/requests", tokenOf(other), null).json()
                .getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("state").equals("PENDING") && r.getString("direction").equals("incoming"))
                .map(r -> r.getString("id")).findFirst().orElseGet(() -> askInAFreeSlot(agency, other).json()
                        .getString("id"));
        // The organizer removes a participant that the published meetings still name, and publishes nothing yet.
        String body = backend.database().inTransaction(c -> backend.events().find(c, TestService.EVENT_ID)).body();
        Event edited = EventJson.read(body, "event");
        ScheduleFile published = ScheduleJson.read(backend.database().inTransaction(c -> backend.schedules()
                .published(c, TestService.EVENT_ID, 0)).body(), "published");
        String gone = published.meetings().stream().flatMap(p -> java.util.stream.Stream.of(p.first(), p.second()))
                .filter(id -> edited.participant(id) != null && !id.equals(agency) && !id.equals(other)).findFirst()
                .orElseThrow();
        JsonObject event = Json.createReader(new StringReader(body)).readObject();
        var participants = Json.createArrayBuilder();
        event.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> !p.getString("id").equals(gone)).forEach(participants::add);
        java.util.function.Function<String, jakarta.json.JsonArrayBuilder> without = key -> {
            var kept = Json.createArrayBuilder();
            event.getJsonArray(key).getValuesAs(JsonObject.class).stream()
                    .filter(o -> !o.toString().contains("\"" + gone + "\"")).forEach(kept::add);
            return kept;
        };
        Answer put = send(Method.PUT, EVENT, TestService.ORGANIZER, Json.createObjectBuilder(event)
                .add("participants", participants).add("requests", without.apply("requests"))
                .add("exclusions", without.apply("exclusions")).add("meetings", without.apply("meetings")).build()
                .toString());
        assertEquals(200, put.status(), put.json().toString());

        Answer list = counterparts(other, "100");
        Answer asked = askInAFreeSlot(other, agency);
        Answer accepted = act(other, pending, "accept");

        assertEquals(200, list.status(), list.json().toString());
        assertEquals(List.of(), list.json().getJsonArray("counterparts"), "no slot offered that cannot be asked");
        assertEquals(409, asked.status(), asked.json().toString());
        assertEquals(asked.json().getString("detail"), list.json().getString("paused"), "one rule, one sentence");
        assertEquals(409, accepted.status(), accepted.json().toString());
        assertEquals(asked.json().getString("detail"), accepted.json().getString("detail"), "asked before the edit");
        assertTrue(asked.json().getString("detail").startsWith("Meeting requests are paused until the organizer"
                + " publishes the edited event: the published schedule names a participant (" + gone + ")"),
                asked.json().getString("detail"));
    }
}
