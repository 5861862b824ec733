package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding an external SAT solver and reading its answers. */
class ExternalSatTest {

    @Test
    void sat4jChosenByNameMeansNoExternalSolver(@TempDir Path dir) throws IOException {
        executable(dir.resolve("cadical"));
        assertEquals(Optional.empty(), ExternalSat.locate("sat4j", dir.toString()));
        assertEquals(Optional.empty(), ExternalSat.locate("SAT4J", dir.toString()));
    }

    @Test
    void cadicalIsFoundOnThePathWhenNothingIsChosen(@TempDir Path dir) throws IOException {
        Path cadical = executable(dir.resolve("cadical"));
        assertEquals(Optional.of(cadical), ExternalSat.locate(null, "/no/such/dir:" + dir));
        assertEquals(Optional.of(cadical), ExternalSat.locate("", dir.toString()));
        assertEquals(Optional.empty(), ExternalSat.locate(null, "/no/such/dir"));
        assertEquals(Optional.empty(), ExternalSat.locate(null, null));
    }

    @Test
    void aChosenPathIsUsedOnlyWhenItCanBeRun(@TempDir Path dir) throws IOException {
        Path kissat = executable(dir.resolve("kissat"));
        assertEquals(Optional.of(kissat), ExternalSat.locate(kissat.toString(), ""));
        assertEquals(Optional.of(kissat), ExternalSat.locate("kissat", dir.toString()));
        Files.writeString(dir.resolve("plain"), "not a program");
        assertEquals(Optional.empty(), ExternalSat.locate(dir.resolve("plain").toString(), ""));
        assertEquals(Optional.empty(), ExternalSat.locate(dir.resolve("missing").toString(), ""));
    }

    @Test
    void aChoiceThatCannotBeFoundIsNamedInTheReport() {
        assertEquals("Sat4j (in process): B2G_SAT_SOLVER (/opt/kissat) is no executable file or command on the PATH;"
                + " give sat4j, a solver's path, or a command such as cadical",
                ExternalSat.describe("/opt/kissat", Optional.empty()));
        assertEquals("Sat4j (in process)", ExternalSat.describe("sat4j", Optional.empty()));
        assertEquals("Sat4j (in process)", ExternalSat.describe(null, Optional.empty()));
        assertEquals("CaDiCaL-compatible /usr/bin/cadical",
                ExternalSat.describe(null, Optional.of(Path.of("/usr/bin/cadical"))));
    }

    @Test
    void theFirstFormulaDecidedIsTakenAndTheSolverStillRunningIsKilled(@TempDir Path dir) throws IOException {
        // Stands in for a solver slow on one formula (the one holding the unit clause -1) and fast on the other.
        Path solver = script(dir, "case \"$(cat)\" in *'-1 0'*) sleep 30; echo 's UNSATISFIABLE'; exit 20;; esac;"
                + " echo 's SATISFIABLE'; echo 'v 1 2 0'; exit 10");
        List<int[]> shared = List.<int[]>of(new int[] {1, 2});
        long start = System.nanoTime();
        ExternalSat.Answer answer = ExternalSat.solveFirst(solver, 2,
                List.of(formula(shared, new int[] {-1}), formula(shared, new int[] {1})),
                1_000, () -> false);
        assertEquals(ExternalSat.Status.SATISFIABLE, answer.status());
        assertTrue(answer.model()[1]);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "did not wait for the slow formula");
    }

    @Test
    void afterAClearWinTheOtherFormulaOfTheNextRaceStartsAtTheLowestPriority(@TempDir Path dir)
            throws IOException, InterruptedException {
        // Stands in for a solver fast on the formula holding the unit clause 1 and slow on the other; each run notes
        // its niceness in a file named after its formula.
        Path solver = script(dir, "f=$(cat); case \"$f\" in *'-1 0'*) n=slow;; *) n=fast;; esac;"
                + " nice > " + dir + "/$n; [ $n = slow ] && sleep 30;"
                + " sleep 0.6; echo 's SATISFIABLE'; echo 'v 1 2 0'; exit 10");
        List<int[]> shared = List.<int[]>of(new int[] {1, 2});
        List<ExternalSat.Formula> formulas = List.of(formula(shared, new int[] {-1}), formula(shared, new int[] {1}));
        RaceLead lead = new RaceLead();
        ExternalSat.solveFirst(solver, 2, formulas, 1_000, () -> false, lead);
        assertEquals(1, lead.leader(), "the fast formula won after half a second, the slow one solving as long");
        assertEquals("0", niceness(dir.resolve("slow")), "the first race is even");
        Files.delete(dir.resolve("slow"));
        Files.delete(dir.resolve("fast"));
        ExternalSat.Answer answer = ExternalSat.solveFirst(solver, 2, formulas, 1_000, () -> false, lead);
        assertEquals(ExternalSat.Status.SATISFIABLE, answer.status());
        assertEquals("19", niceness(dir.resolve("slow")));
        assertEquals("0", niceness(dir.resolve("fast")));
    }

    /** The niceness a solver run noted, once it has (a run at the lowest priority may start late on a busy machine). */
    private static String niceness(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((!Files.exists(file) || Files.size(file) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return Files.readString(file).strip();
    }

    @Test
    void aFormulaLeftUndecidedWaitsForTheOthersAnswer(@TempDir Path dir) throws IOException {
        // Stands in for a solver that runs out of conflicts on the first formula and refutes the second.
        Path solver = script(dir, "case \"$(cat)\" in *'-1 0'*) echo 's UNKNOWN'; exit 0;; esac;"
                + " sleep 1; echo 's UNSATISFIABLE'; exit 20");
        List<int[]> shared = List.<int[]>of(new int[] {1});
        ExternalSat.Answer answer = ExternalSat.solveFirst(solver, 1,
                List.of(formula(shared, new int[] {-1}), formula(shared, new int[] {-1, 2}, new int[] {-2})),
                1_000, () -> false);
        assertEquals(ExternalSat.Status.UNSATISFIABLE, answer.status(), "the second formula's answer");
        ExternalSat.Answer neither = ExternalSat.solveFirst(solver, 1,
                List.of(formula(shared, new int[] {-1})), 1_000, () -> false);
        assertEquals(ExternalSat.Status.UNKNOWN, neither.status());
    }

    @Test
    void aStopWhileAFormulaIsWrittenEndsTheWritingAtOnce(@TempDir Path dir) throws IOException {
        // Stands in for a solver whose parser reads slowly: nothing for 5 s. A formula larger than the pipe's buffer
        // then blocks the writer until the solver reads, unless the stop ends the writing before it fills the buffer.
        Path solver = script(dir, "sleep 5; cat > /dev/null; echo 's UNKNOWN'");
        List<int[]> clauses = IntStream.rangeClosed(1, 100_000).mapToObj(v -> new int[] {v, -v}).toList();
        long start = System.nanoTime();
        ExternalSat.Answer answer = ExternalSat.solveFirst(solver, 100_000,
                List.of(new ExternalSat.Formula(List.of(clauses), List.of())), 1_000, () -> true);
        assertEquals(ExternalSat.Status.UNKNOWN, answer.status());
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "did not wait for the solver to read the formula");
    }

    private static ExternalSat.Formula formula(List<int[]> shared, int[]... more) {
        return new ExternalSat.Formula(List.of(shared, List.of(more)), List.of());
    }

    private static Path script(Path dir, String body) throws IOException {
        Path file = dir.resolve("solver");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    @Test
    void aModelIsReadFromTheValueLinesOfTheCompetitionFormat() {
        ExternalSat.Answer answer = ExternalSat.parse("c comment\ns SATISFIABLE\nv 1 -2 3\nv -4 5 0\n", 5);
        assertEquals(ExternalSat.Status.SATISFIABLE, answer.status());
        assertArrayEquals(new boolean[] {false, true, false, true, false, true}, answer.model());
    }

    @Test
    void refutationsAndUnknownsCarryNoModel() {
        assertEquals(ExternalSat.Status.UNSATISFIABLE, ExternalSat.parse("s UNSATISFIABLE\n", 3).status());
        assertNull(ExternalSat.parse("s UNSATISFIABLE\n", 3).model());
        assertEquals(ExternalSat.Status.UNKNOWN, ExternalSat.parse("s UNKNOWN\n", 3).status());
        assertEquals(ExternalSat.Status.UNKNOWN, ExternalSat.parse("", 3).status());
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        assertTrue(file.toFile().setExecutable(true));
        return file;
    }
}
