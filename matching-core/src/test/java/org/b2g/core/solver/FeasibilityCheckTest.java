package org.b2g.core.solver;

import static org.b2g.core.solver.Fixtures.AGENCY;
import static org.b2g.core.solver.Fixtures.C3;
import static org.b2g.core.solver.Fixtures.C4;
import static org.b2g.core.solver.Fixtures.STARTUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Table;
import org.b2g.core.io.DznReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Each cause the pre-check knows, stated in one sentence, and silence on the benchmark's feasible instances. */
class FeasibilityCheckTest {

    private static final Path BENCHMARK = Path.of(System.getProperty("b2g.benchmark",
            "../../shared/datasets/b2b-jair22"));

    /** Participant 5 can only attend slots 6 and 7. */
    private static final Participant LATE = Participant.company("5", 4, Set.of(1, 2, 3, 4, 5));
    private static final Participant C6 = Participant.company("6", 5, Set.of());
    private static final Participant C7 = Participant.company("7", 6, Set.of());
    private static final Participant C8 = Participant.company("8", 7, Set.of());
    private static final List<Participant> PEOPLE = List.of(STARTUP, AGENCY, C3, C4, LATE, C6, C7, C8);

    @Test
    void findsNothingWrongWithASimpleEvent() {
        assertEquals(List.of(), problems(meeting("m1", "3", "4"), meeting("m2", "s-1", "a-dost"),
                fixed("m3", "3", "a-dost", 1, "T1"), after(meeting("m4", "3", "4"), "m1")));
    }

    @Test
    void reportsAParticipantWithMoreRequiredMeetingsThanSlotsItCanAttend() {
        assertEquals(List.of("Participant 5 has 3 required meetings but only 2 slots it can attend."),
                problems(meeting("m1", "5", "3"), meeting("m2", "5", "4"), meeting("m3", "5", "6")));
    }

    @Test
    void countsRepresentativesPerSlot() {
        List<RequiredMeeting> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add(meeting("m" + i, "a-dost", List.of("3", "4", "5", "6", "7", "8", "s-1").get(i % 7)));
        }
        assertEquals(List.of("Department of Science and Technology has 15 required meetings but only 7 slots it"
                + " can attend with 2 representatives."), problems(many));
    }

    @Test
    void reportsPartnersThatLeaveTooFewSlots() {
        // Participant 3 can attend every slot, but its two partners only slots 6 and 7.
        List<String> problems = problems(meeting("m1", "3", "5"), meeting("m2", "3", "5"), meeting("m3", "5", "3"));
        assertTrue(problems.contains("Participant 3 has 3 required meetings but its partners leave only 2 slots for"
                + " them."), problems.toString());
    }

    @Test
    void reportsAParticipantOverbookedInOneSession() {
        assertEquals(List.of("Participant 3 has 4 required meetings in session am (slots 1–3) but only 3 slots it"
                + " can attend there."),
                problems(session(meeting("m1", "3", "4"), "am"), session(meeting("m2", "3", "6"), "am"),
                        session(meeting("m3", "3", "7"), "am"), session(meeting("m4", "3", "8"), "am")));
    }

    @Test
    void reportsARequiredMeetingWithoutACommonSlot() {
        assertEquals(List.of("Meeting m1 (Participant 5 with Participant 3) has no slot both can attend in session am"
                + " (slots 1–3)."), problems(session(meeting("m1", "5", "3"), "am")));
    }

    @Test
    void reportsAParticipantWithTwoMeetingsFixedToOneSlot() {
        assertEquals(List.of("Participant 3 has 2 meetings fixed to slot 1 (08:30) (m1 and m2) but sends 1"
                + " representative."), problems(fixed("m1", "3", "4", 1, null), fixed("m2", "3", "6", 1, null)));
    }

    @Test
    void reportsMoreFixedMeetingsInASlotThanTables() {
        assertEquals(List.of("Slot 3 (09:10) has 4 fixed meetings but there are only 3 tables."),
                problems(fixed("m1", "3", "4", 3, null), fixed("m2", "6", "7", 3, null),
                        fixed("m3", "8", "a-dost", 3, null), fixed("m4", "s-1", "a-dost", 3, null)));
    }

    @Test
    void reportsTwoMeetingsFixedToOneTableAndSlot() {
        assertEquals(List.of("Meetings m1 and m2 are all fixed to Table 2 in slot 3 (09:10)."),
                problems(fixed("m1", "3", "4", 3, "T2"), fixed("m2", "6", "7", 3, "T2")));
    }

    @Test
    void reportsMoreMeetingsFixedToATableThanSlots() {
        List<RequiredMeeting> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(fixed("m" + i, List.of("3", "6", "7", "8").get(i % 4), List.of("4", "s-1").get(i % 2), 0,
                    "T1"));
        }
        assertTrue(problems(many).contains("Table 1 has 8 meetings fixed to it but only 7 free slots they can take."),
                problems(many).toString());
    }

    @Test
    void reportsAFixedSlotWhereAParticipantIsUnavailable() {
        assertEquals(List.of("Meeting m1 (VietSense AI with Participant 3) is fixed to slot 2 (08:50), where"
                + " VietSense AI is unavailable."), problems(fixed("m1", "s-1", "3", 2, null)));
    }

    @Test
    void reportsAFixedSlotOutsideTheMeetingsSession() {
        assertEquals(List.of("Meeting m1 (Participant 3 with Participant 4) is fixed to slot 5 (09:50), outside its"
                + " session am (slots 1–3)."), problems(session(fixed("m1", "3", "4", 5, null), "am")));
    }

    @Test
    void namesTheMeetingsOfAPrecedenceCycle() {
        assertEquals(List.of("Meetings m1, m2 and m3 must each come before the next in a cycle (m1 → m2 → m3 → m1)."),
                problems(after(meeting("m1", "3", "4"), "m3"), after(meeting("m2", "3", "6"), "m1"),
                        after(meeting("m3", "3", "7"), "m2"), after(meeting("m4", "3", "8"), "m3")));
    }

    @Test
    void reportsAMeetingThatMustFollowItself() {
        assertEquals(List.of("Meeting m1 must come after itself."), problems(after(meeting("m1", "3", "4"), "m1")));
    }

    @Test
    void reportsAPrecedenceThatContradictsFixedSlots() {
        assertEquals(List.of("Meeting m2 (Participant 6 with Participant 7) is fixed to slot 2 (08:50) but must come"
                + " after meeting m1 (at the earliest in slot 4 (09:30))."),
                problems(fixed("m1", "3", "4", 4, null), after(fixed("m2", "6", "7", 2, null), "m1")));
    }

    @Test
    void reportsAPrecedenceChainLongerThanTheSlots() {
        // Eight meetings in a chain, seven slots: the eighth has nowhere to go.
        List<RequiredMeeting> chain = new ArrayList<>();
        List<String> pairs = List.of("3", "4", "6", "7", "8", "a-dost");
        for (int i = 1; i <= 8; i++) {
            RequiredMeeting meeting = meeting("m" + i, pairs.get(i % 3), pairs.get(3 + i % 3));
            chain.add(i == 1 ? meeting : after(meeting, "m" + (i - 1)));
        }
        assertEquals(List.of("Meeting m8 (Participant 6 with Department of Science and Technology) must come after"
                + " the chain m1 → m2 → m3 → m4 → m5 → m6 → m7 (ending at the earliest in slot 7 (10:30)) but its last"
                + " possible slot is slot 7 (10:30)."), problems(chain));
    }

    @Test
    void reportsMoreRequiredMeetingsThanPlaces() {
        // The agency meets six partners twice and three pairs meet once: 15 meetings, 7 slots x 2 tables.
        List<RequiredMeeting> many = new ArrayList<>();
        for (String partner : List.of("3", "4", "6", "7", "8", "s-1", "3", "4", "6", "7", "8", "s-1")) {
            many.add(meeting("m" + many.size(), "a-dost", partner));
        }
        many.addAll(List.of(meeting("p1", "3", "4"), meeting("p2", "6", "7"), meeting("p3", "8", "s-1")));
        assertEquals(List.of("There are 15 required meetings but only 7 slots × 2 tables = 14 places."),
                problems(List.of(Fixtures.T1, Fixtures.T2), many, List.of()));
    }

    @Test
    void reportsMoreMeetingsBoundToASessionThanItsPlaces() {
        // Ten morning meetings, nobody over its own morning capacity, 3 slots x 3 tables.
        List<RequiredMeeting> many = new ArrayList<>();
        for (String partner : List.of("3", "4", "6", "7", "8", "s-1")) {
            many.add(session(meeting("m" + many.size(), "a-dost", partner), "am"));
        }
        for (List<String> pair : List.of(List.of("3", "4"), List.of("6", "7"), List.of("8", "s-1"),
                List.of("3", "6"))) {
            many.add(session(meeting("m" + many.size(), pair.get(0), pair.get(1)), "am"));
        }
        assertEquals(List.of("Session am (slots 1–3) has 10 required meetings bound to it but only 3 slots × 3"
                + " tables = 9 places."), problems(many));
    }

    @Test
    void reportsMoreRequiredMeetingsThanMaxMeetings() {
        // VietSense AI accepts 3 meetings.
        assertEquals(List.of("VietSense AI has 4 required meetings but accepts at most 3."),
                problems(meeting("m1", "s-1", "3"), meeting("m2", "s-1", "4"), meeting("m3", "s-1", "6"),
                        meeting("m4", "s-1", "7")));
    }

    @Test
    void reportsARequiredMeetingOfAnExcludedPair() {
        assertEquals(List.of("Meeting m1 (VietSense AI with Department of Science and Technology) is required but"
                + " VietSense AI and Department of Science and Technology must not meet (conflict of interest)."),
                problems(Fixtures.TABLES, List.of(meeting("m1", "s-1", "a-dost")),
                        List.of(new Exclusion("a-dost", "s-1", "conflict of interest"))));
    }

    @Test
    void reportsAParticipantWhoseMeetingsNeedMoreBreaksThanTheCapAllows() {
        // Participant 9 is away in slot 3: its day runs 1–2 and 4–6, and slot 7 is a day of its own.
        Participant away = Participant.company("9", 8, Set.of(3));
        List<RequiredMeeting> five = List.of(meeting("m1", "9", "3"), meeting("m2", "9", "4"),
                meeting("m3", "9", "6"), meeting("m4", "9", "7"), meeting("m5", "9", "8"));
        assertEquals(List.of("Participant 9 has 5 required meetings but may have no break"
                + " (maxBreaksPerParticipant): the slots they can take run 1–2, 4–6 and 7, and one run a day holds"
                + " only 4 of them."), problems(Rules.DEFAULT.withMaxBreaks(0), away, five));
        assertEquals(List.of(), problems(Rules.DEFAULT.withMaxBreaks(1), away, five));
        assertEquals(List.of(), problems(Rules.DEFAULT, away, five), "no cap, no such problem");
    }

    @Test
    void reportsAParticipantWhoseLongestRunIsLongEnoughButMissesTheSessionOfOneMeeting() {
        // Participant 9 is away in slot 3: its day runs 1–2 (the morning) and 4–6 (the afternoon). The afternoon is
        // long enough for its three meetings, but one of them is a morning meeting.
        Participant away = Participant.company("9", 8, Set.of(3));
        List<RequiredMeeting> three = List.of(session(meeting("m1", "9", "3"), "am"),
                session(meeting("m2", "9", "4"), "pm"), session(meeting("m3", "9", "6"), "pm"));
        assertEquals(List.of("Participant 9 has 3 required meetings but may have no break"
                + " (maxBreaksPerParticipant): the slots they can take run 1–2 and 4–6, and no one run holds them"
                + " all in the slots each of them may take (its session, both participants' availability)."),
                problems(Rules.DEFAULT.withMaxBreaks(0), away, three));
        assertEquals(List.of(), problems(Rules.DEFAULT.withMaxBreaks(1), away, three));
    }

    @Test
    void passesEveryBenchmarkInstanceInWellUnderASecond() throws IOException {
        Path dir = BENCHMARK.toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "benchmark not found at " + dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".dzn")).sorted().toList();
        }
        assertEquals(20, files.size());
        // This thread's CPU time, not the clock's: on a machine shared with other builds the clock measured the load
        // (forumt-14 "took" 350 ms at a load average of 11; about 10 ms of work).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Path file : files) {
            Event event = DznReader.read(file);
            long start = threads.getCurrentThreadCpuTime();
            List<String> problems = FeasibilityCheck.problems(event);
            long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
            assertEquals(List.of(), problems, file.getFileName().toString());
            assertTrue(millis < 250, file.getFileName() + " took " + millis + " ms of CPU");
        }
    }

    // ---------------------------------------------------------------- builders

    private static RequiredMeeting meeting(String id, String first, String second) {
        return new RequiredMeeting(id, first, second, null, 0, null, List.of());
    }

    private static RequiredMeeting fixed(String id, String first, String second, int slot, String table) {
        return new RequiredMeeting(id, first, second, null, slot, table, List.of());
    }

    private static RequiredMeeting session(RequiredMeeting m, String session) {
        return new RequiredMeeting(m.id(), m.first(), m.second(), session, m.fixedSlot(), m.fixedTable(), m.after());
    }

    private static RequiredMeeting after(RequiredMeeting m, String... earlier) {
        return new RequiredMeeting(m.id(), m.first(), m.second(), m.session(), m.fixedSlot(), m.fixedTable(),
                List.of(earlier));
    }

    private static List<String> problems(RequiredMeeting... meetings) {
        return problems(List.of(meetings));
    }

    private static List<String> problems(List<RequiredMeeting> meetings) {
        return problems(Fixtures.TABLES, meetings, List.of());
    }

    private static List<String> problems(Rules rules, Participant extra, List<RequiredMeeting> meetings) {
        List<Participant> people = new ArrayList<>(PEOPLE);
        people.add(extra);
        return FeasibilityCheck.problems(new Event("check", "Check", ZoneId.of("Asia/Ho_Chi_Minh"), 20,
                Fixtures.SESSIONS, Fixtures.SLOTS, Fixtures.TABLES, people, meetings, List.of(), List.of(), rules));
    }

    private static List<String> problems(List<Table> tables, List<RequiredMeeting> meetings,
            List<Exclusion> exclusions) {
        return FeasibilityCheck.problems(new Event("check", "Check", ZoneId.of("Asia/Ho_Chi_Minh"), 20,
                Fixtures.SESSIONS, Fixtures.SLOTS, tables, PEOPLE, meetings, List.of(), exclusions, Rules.DEFAULT));
    }
}
