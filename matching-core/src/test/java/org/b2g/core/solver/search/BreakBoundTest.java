package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BreakBoundTest {

    private static final Path BENCHMARK = Path.of(System.getProperty("b2g.benchmark",
            "../../shared/datasets/b2b-jair22"));

    /** Participant 1 meets 2, 3 and 4 in five slots; {@code forbidden} are its own forbidden slots. */
    private static SearchModel threeMeetings(String forbidden) {
        String text = """
                nBusiness = 4;
                nMeetings = 3;
                nTables = 3;
                nTotalSlots = 5;
                nMorningSlots = 5;
                requested = [|1, 2, 3 |1, 3, 3 |1, 4, 3 |];
                meetingsxBusiness = [{1, 2, 3, 4}, {1, 2}, {1, 3}, {1, 4}];
                nMeetingsBusiness = [3, 1, 1, 1];
                forbidden = [{0%s}, {0}, {0}, {0}];
                fixed = [0, 0, 0];
                precedences = [{}, {}, {}];
                """.formatted(forbidden);
        Event event = DznReader.read(text, "three-meetings.dzn");
        return SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)));
    }

    @Test
    void aParticipantWithMoreMeetingsThanItsLongestRunOfSlotsHasABreak() {
        BreakBound bound = BreakBound.of(threeMeetings(", 3")); // slots 1-2 and 4-5: three meetings need both runs
        assertEquals(1, bound.of(0));
        assertEquals(0, bound.of(1));
        assertEquals(1, bound.total());
    }

    @Test
    void aParticipantWhoseMeetingsFitOneRunNeedsNoBreak() {
        assertEquals(0, BreakBound.of(threeMeetings(", 4")).total()); // slots 1-3 hold all three
        assertEquals(0, BreakBound.of(threeMeetings("")).total());
    }

    @Test
    void neverExceedsTheKnownOptimumOfABenchmarkInstance() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(BENCHMARK), "benchmark not found at " + BENCHMARK.toAbsolutePath());
        Map<String, Long> bounds = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> known : knownOptima().entrySet()) {
            Path file = BENCHMARK.resolve(known.getKey() + ".original.dzn");
            Event event = DznReader.read(file);
            long bound = BreakBound.of(SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)))).total();
            bounds.put(known.getKey(), bound);
            assertTrue(bound <= known.getValue(), known.getKey() + ": bound " + bound + " > optimum " + known.getValue());
        }
        assertEquals(20, bounds.size());
        System.out.println("Break lower bounds: " + bounds);
    }

    /** Instance name to optimum, from the CLI's table of published optima. */
    private static Map<String, Integer> knownOptima() throws IOException {
        Map<String, Integer> optima = new LinkedHashMap<>();
        try (InputStream in = BreakBoundTest.class.getResourceAsStream("/org/b2g/core/cli/known-optima.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split(",");
                    optima.put(cells[0].trim(), Integer.parseInt(cells[cells.length - 1].trim()));
                }
            }
        }
        return optima;
    }
}
