package org.b2g.core.matching;

import static org.b2g.core.matching.EventBuilder.need;
import static org.b2g.core.matching.EventBuilder.offering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Priority;
import org.b2g.core.solver.ScoreWeights;
import org.junit.jupiter.api.Test;

class CandidatesTest {

    /** Three startups and two agencies; s-1 fits a-1 (flooding), s-2 fits a-2 (records), s-3 fits neither. */
    private static EventBuilder event() {
        return EventBuilder.slots(6).tables(2)
                .startup("s-1", offering("Flood sensors", "Water level sensors on canals", "flooding", "iot"))
                .startup("s-2", offering("Digital records", "Scanning and e-archives for land files", "records"))
                .startup("s-3", offering("Tourism app", "Guides for visitors", "tourism"))
                .agency("a-1", need("Flood warning", "Sensors for canals and streets", 2, "flooding", "iot"))
                .agency("a-2", need("Land records", "Digitise land files", 1, "records", "gis"));
    }

    private static Map<String, Meeting> byId(Event event) {
        return Candidates.forEvent(event).stream().collect(Collectors.toMap(Meeting::getId, Function.identity()));
    }

    @Test
    void recommendsRelevantPairsOnly() {
        Map<String, Meeting> candidates = byId(event().build());
        assertEquals(Origin.RECOMMENDED, candidates.get("c-s-1-a-1").getOrigin());
        assertEquals(Origin.RECOMMENDED, candidates.get("c-s-2-a-2").getOrigin());
        assertFalse(candidates.keySet().stream().anyMatch(id -> id.contains("s-3")));
        assertTrue(candidates.get("c-s-1-a-1").getReasons().contains("both tagged flooding, iot"));
    }

    @Test
    void oneSidedRequestsKeepTheirPriorityAndStartupComesFirst() {
        Map<String, Meeting> candidates = byId(event()
                .request("a-1", "s-3", Priority.HIGH)
                .request("s-3", "a-2", Priority.NORMAL).build());
        Meeting high = candidates.get("c-s-3-a-1");
        Meeting normal = candidates.get("c-s-3-a-2");
        assertEquals(Origin.REQUEST, high.getOrigin());
        assertEquals("s-3", high.getFirst().id());
        assertTrue(high.getWeight() > normal.getWeight());
        assertEquals("requested by a-1 (high)", high.getReasons().get(0));
    }

    @Test
    void requestsBothWaysAreMutual() {
        Meeting mutual = byId(event()
                .request("s-3", "a-1", Priority.NORMAL)
                .request("a-1", "s-3", Priority.NORMAL).build()).get("c-s-3-a-1");
        assertEquals(Origin.MUTUAL, mutual.getOrigin());
        assertEquals("both asked to meet (s-3: normal, a-1: normal)", mutual.getReasons().get(0));
    }

    @Test
    void mustOnEitherSideMakesAMustCandidate() {
        Meeting must = byId(event()
                .request("s-3", "a-1", Priority.NORMAL)
                .request("a-1", "s-3", Priority.MUST).build()).get("c-s-3-a-1");
        assertEquals(Origin.MUST, must.getOrigin());
    }

    @Test
    void weightsOrderMustMutualHighNormalRecommendation() {
        Map<String, Meeting> c = byId(EventBuilder.slots(6)
                .startup("s-1", offering("Flood sensors", "", "flooding"))
                .startup("s-2").startup("s-3").startup("s-4").startup("s-5")
                .agency("a-1", need("Flood warning", "", 1, "flooding"))
                .request("s-2", "a-1", Priority.MUST)
                .request("s-3", "a-1", Priority.NORMAL).request("a-1", "s-3", Priority.NORMAL)
                .request("s-4", "a-1", Priority.HIGH)
                .request("s-5", "a-1", Priority.NORMAL)
                .rules(Integer.MAX_VALUE, 5, 0.0).build());
        long must = c.get("c-s-2-a-1").getWeight();
        long mutual = c.get("c-s-3-a-1").getWeight();
        long high = c.get("c-s-4-a-1").getWeight();
        long normal = c.get("c-s-5-a-1").getWeight();
        long recommended = c.get("c-s-1-a-1").getWeight();
        assertEquals(1.0, c.get("c-s-1-a-1").getRelevance(), 1e-6);
        assertTrue(must > 10 * ScoreWeights.MISSING_MEETING, "must " + must);
        assertTrue(must > mutual && mutual > high && high > normal && normal > recommended,
                List.of(must, mutual, high, normal, recommended).toString());
        assertTrue(mutual < ScoreWeights.MISSING_MEETING, "a first meeting outweighs an extra one");
    }

    @Test
    void aRequestAndARecommendationOfOnePairGiveOneCandidate() {
        List<Meeting> candidates = Candidates.forEvent(event().request("s-1", "a-1", Priority.HIGH).build());
        List<Meeting> pair = candidates.stream()
                .filter(m -> m.getFirst().id().equals("s-1") && m.getSecond().id().equals("a-1")).toList();
        assertEquals(1, pair.size());
        assertEquals(Origin.REQUEST, pair.get(0).getOrigin());
        assertTrue(pair.get(0).getRelevance() > 0.5);
        assertTrue(pair.get(0).getReasons().contains("both tagged flooding, iot"), pair.get(0).getReasons().toString());
    }

    @Test
    void excludedPairsNeverBecomeCandidates() {
        Map<String, Meeting> candidates = byId(event()
                .request("s-1", "a-1", Priority.MUST)
                .exclude("a-1", "s-1").build());
        assertFalse(candidates.containsKey("c-s-1-a-1"));
    }

    @Test
    void anExcludedTopMatchLeavesRoomForTheNextOne() {
        Map<String, Meeting> candidates = byId(EventBuilder.slots(6)
                .agency("a-1", need("Flood warning", "", 1, "flooding", "iot"))
                .startup("s-1", offering("Flood sensors", "", "flooding", "iot"))
                .startup("s-2", offering("Flood maps", "", "flooding", "gis"))
                .exclude("s-1", "a-1").rules(Integer.MAX_VALUE, 1, 0.0).build());
        assertEquals(List.of("c-s-2-a-1"), List.copyOf(candidates.keySet())); // a-1's next best
    }

    @Test
    void keepsOnlyTheBestRecommendationsPerParticipant() {
        EventBuilder builder = EventBuilder.slots(6).agency("a-1", need("Flood warning", "", 1, "flooding", "iot"));
        builder.startup("s-1", offering("Flood sensors", "", "flooding", "iot"));
        builder.startup("s-2", offering("Flood maps", "", "flooding", "gis"));
        builder.startup("s-3", offering("Sensors", "", "iot", "gis", "ai"));
        Map<String, Meeting> top1 = byId(builder.rules(Integer.MAX_VALUE, 1, 0.0).build());
        // a-1 recommends s-1 only; each startup recommends a-1 (its only agency): all three stay.
        assertEquals(3, top1.size());
        Map<String, Meeting> noStartupSide = byId(EventBuilder.slots(6)
                .agency("a-1", need("Flood warning", "", 1, "flooding", "iot"))
                .agency("a-2", need("Flood sensing", "", 1, "flooding", "iot"))
                .startup("s-1", offering("Flood sensors", "", "flooding", "iot"))
                .rules(Integer.MAX_VALUE, 1, 0.0).build());
        assertEquals(2, noStartupSide.size(), "a-1 and a-2 each recommend s-1, s-1 recommends one of them");
    }

    @Test
    void dropsRecommendationsBelowTheMinimumRelevance() {
        Event event = event().rules(Integer.MAX_VALUE, 3, 0.99).build();
        // Only s-1 and a-1 share all their tags and the agency's top need: relevance 1. s-2 and a-2 would have no
        // candidate at all, so they get each other as a backup; s-3 shares nothing with anybody.
        List<Meeting> candidates = Candidates.forEvent(event);
        assertEquals(List.of("c-s-1-a-1", "c-s-2-a-2"), candidates.stream().map(Meeting::getId).toList());
        assertEquals("backup for s-2, who has no other candidate: a-2 has free capacity",
                candidates.get(1).getReasons().get(0));
    }

    /**
     * s-1 and s-2 fit a-1 best and a-2 half as well; a-2 fits s-3 best. With one recommendation each, s-1 and s-2
     * have a-1 only; a-1 can hold {@code a1Meetings} meetings. The fit is by tags alone, every tag alike
     * ({@link #literal}): these tests are about capacity, not about how relevance reads text.
     */
    private static EventBuilder crowdedAgency(int a1Meetings) {
        return EventBuilder.slots(6).tables(3)
                .startup("s-1", offering("Flood sensors", "", "flooding", "iot"))
                .startup("s-2", offering("Canal sensors", "", "flooding", "iot"))
                .startup("s-3", offering("Flood maps", "", "flooding", "gis"))
                .agency("a-1", need("Flood warning", "", 1, "flooding", "iot"))
                .agency("a-2", need("Flood mapping", "", 1, "flooding", "gis"))
                .limits("a-1", 1, a1Meetings)
                .rules(Integer.MAX_VALUE, 1, 0.2);
    }

    private static List<Meeting> literal(Event event) {
        return Candidates.forEvent(event, Relevance.of(event, Relevance.Settings.LITERAL));
    }

    private static List<Meeting> backups(List<Meeting> candidates) {
        return candidates.stream().filter(m -> m.getReasons().stream().anyMatch(r -> r.startsWith("backup"))).toList();
    }

    @Test
    void backsUpAStartupWhoseCandidatesAreBookedUp() {
        Map<String, Meeting> candidates = literal(crowdedAgency(1).build()).stream()
                .collect(Collectors.toMap(Meeting::getId, Function.identity()));
        Meeting backup = candidates.get("c-s-2-a-2");
        assertEquals(Origin.RECOMMENDED, backup.getOrigin());
        assertEquals(List.of("backup for s-2, whose other candidates are booked up: a-2 has free capacity",
                "both tagged flooding"), backup.getReasons());
        assertEquals(0.5, backup.getRelevance(), 1e-6);
        assertEquals(List.of(backup), backups(List.copyOf(candidates.values())), "s-1 gets a-1's only meeting");
    }

    @Test
    void addsNoBackupWhereCapacitySuffices() {
        List<Meeting> candidates = literal(crowdedAgency(2).build());
        assertEquals(List.of("c-s-1-a-1", "c-s-2-a-1", "c-s-3-a-2"), candidates.stream().map(Meeting::getId).toList());
    }

    @Test
    void neverBacksUpWithAnExcludedPair() {
        List<Meeting> candidates = literal(crowdedAgency(1).exclude("a-2", "s-2").build());
        assertEquals(List.of(), backups(candidates));
        assertFalse(candidates.stream().anyMatch(m -> m.getId().equals("c-s-2-a-2")));
    }

    @Test
    void backsUpNobodyAtACounterpartWithoutRoom() {
        assertEquals(List.of(), backups(literal(crowdedAgency(1).limits("a-2", 1, 1).build())));
    }

    @Test
    void backupsAreBoundedByTheShortfallAndRepeatable() {
        EventBuilder builder = crowdedAgency(1);
        for (int i = 4; i <= 9; i++) {
            builder.startup("s-" + i, offering("Flood sensors " + i, "", "flooding", "iot"));
        }
        builder.agency("a-3", need("Flood mapping 3", "", 1, "flooding", "gis")).limits("a-3", 1, 3);
        Event event = builder.build();
        List<Meeting> candidates = literal(event);
        // Eight startups want a-1, which holds one meeting; a-2 and a-3 take the other seven (a-3 up to three).
        List<Meeting> backups = backups(candidates);
        assertEquals(7, backups.size(), backups.toString());
        assertEquals(7, backups.stream().map(m -> m.getFirst().id()).distinct().count(), "one per short startup");
        assertEquals(2, backups.stream().filter(m -> m.getSecond().id().equals("a-3")).count(),
                "a-3 already recommends one startup");
        assertEquals(candidates.stream().map(Meeting::toString).toList(),
                literal(event).stream().map(Meeting::toString).toList());
    }

    @Test
    void requiredMeetingsComeFirstAndTakeThePairsPlace() {
        List<Meeting> candidates = Candidates.forEvent(event()
                .required("m-1", "a-1", "s-1")
                .request("s-1", "a-1", Priority.HIGH).build());
        assertEquals("m-1", candidates.get(0).getId());
        assertEquals(Origin.REQUIRED, candidates.get(0).getOrigin());
        assertFalse(candidates.stream().anyMatch(m -> m.getId().equals("c-s-1-a-1")));
    }

    @Test
    void allowedSlotsAreTheCommonFreeSlots() {
        Meeting meeting = byId(event().unavailable("s-1", 1, 2).unavailable("a-1", 6).build()).get("c-s-1-a-1");
        assertEquals(List.of(3, 4, 5), meeting.getAllowedSlots().stream().map(s -> s.index()).toList());
        assertEquals(2, meeting.getAllowedTables().size());
    }

    @Test
    void isDeterministic() {
        Event event = event().request("s-3", "a-2", Priority.HIGH).build();
        assertEquals(Candidates.forEvent(event).stream().map(Meeting::toString).toList(),
                Candidates.forEvent(event).stream().map(Meeting::toString).toList());
        assertEquals(List.of("c-s-3-a-2", "c-s-1-a-1", "c-s-2-a-2"),
                Candidates.forEvent(event).stream().map(Meeting::getId).toList());
    }
}
