package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
