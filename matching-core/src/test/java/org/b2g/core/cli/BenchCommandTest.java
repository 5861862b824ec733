package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.b2g.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    /** Four companies, five meetings, three slots: company 1 meets everyone, so it has no gap to avoid. */
    private static final String TINY = """
            nBusiness = 4;
            nMeetings = 5;
            nTables = 2;
            nTotalSlots = 3;
            nMorningSlots = 3;
            requested = [|1, 2, 3 |1, 3, 3 |1, 4, 3 |2, 3, 3 |3, 4, 3 |];
            meetingsxBusiness = [{1, 2, 3, 4}, {1, 2, 5}, {1, 3, 5, 6}, {1, 4, 6}];
            nMeetingsBusiness = [3, 2, 3, 2];
            forbidden = [{0}, {0}, {0}, {0}];
            fixed = [0, 0, 0, 0, 0];
            precedences = [{}, {}, {}, {}, {}];
            """;

    @Test
    void printsOneRowPerInstanceAndTheTotals(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.dzn"), TINY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new BenchCommand().run(List.of(dir.toString(), "--time-limit", "2s", "--runs", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(Command.OK, code);
        assertEquals("SAT solver at the lower bound: Sat4j (in process)", lines[1], "the test run sets B2G_SAT_SOLVER");
        assertTrue(lines[2].startsWith("instance"), lines[2]);
        // No break is possible and none is found: proved optimal, long before the limit.
        assertTrue(lines[3].matches("tiny\\s+4\\s+5\\s+3\\s+2\\s+0\\s+0\\s+-\\s+-\\s+\\d+\\.\\ds\\s+\\d+\\.\\ds\\s+yes\\s+yes"),
                lines[3]);
        assertEquals("feasible 1/1, optimal 0/0 (of instances with a known optimum), proved optimal 1/1", lines[4]);
    }

    @Test
    void knowsThePublishedOptimaOfTheBenchmark() {
        KnownOptima optima = KnownOptima.load();
        assertEquals(6, optima.of("forum-13crafb"));
        assertEquals(0, optima.of("tic-12"));
        assertEquals(null, optima.of("tiny"));
    }

    @Test
    void namesAnInstanceAfterItsFileWithoutSuffixes() {
        assertEquals("forum-13", BenchCommand.name(Path.of("x/forum-13.original.dzn")));
        assertEquals("event", BenchCommand.name(Path.of("event.json")));
    }

    @Test
    void rejectsADirectoryWithoutInstances(@TempDir Path dir) {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> new BenchCommand().run(List.of(dir.toString()), System.out, System.err));
        assertEquals(dir + ": holds no .dzn or .json instance.", e.getMessage());
    }

    @Test
    void readsEveryInstanceBeforeSolvingAnySoABrokenOneFailsAtOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.dzn"), TINY);
        Files.writeString(dir.resolve("z.json"), "{\"format\": \"b2g-schedule/1\"}"); // a result, not an instance
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> new BenchCommand().run(List.of(dir.toString(), "--time-limit", "1s"),
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertEquals(dir.resolve("z.json") + ": format (\"b2g-schedule/1\") is not supported; expected"
                + " \"b2g-event/1\".", e.getMessage());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing solved, no row printed");
    }

    @Test
    void takesTheExtensionInAnyCaseAndLeavesFoldersAside(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("TINY.DZN"), TINY);
        Files.createDirectory(dir.resolve("results.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new BenchCommand().run(List.of(dir.toString(), "--time-limit", "1s"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(Command.OK, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(": 1 instance(s)"), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\nTINY "), out.toString());
    }
}
