package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./b2g repair --changes} on the audit's small event (resources of the repair tests): a published meeting whose
 * reason to exist changed while its pair still meets where it did is reported kept, not cancelled and added again.
 */
class RepairReportCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path copy(String name) throws IOException {
        try (InputStream in = RepairReportCliTest.class.getResourceAsStream("/org/b2g/core/repair/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private JsonObject repair(String event) throws IOException {
        Path changes = dir.resolve("changes.json");
        int exit = Main.run(new String[] {"repair", copy(event).toString(), "--published",
            copy("published-before-withdraw-and-r1.json").toString(), "--now", "2024-10-01T00:00", "--seed", "1",
            "--move-limit", "20000", "--out", dir.resolve("repaired.json").toString(), "--changes",
            changes.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        try (var reader = Json.createReader(new StringReader(Files.readString(changes)))) {
            return reader.readObject();
        }
    }

    @Test
    void aWithdrawnMustRequestWhosePairStillMeetsWhereItWasIsReportedKept() throws IOException {
        JsonObject changes = repair("withdraw-must.json");

        assertEquals(8, changes.getInt("kept"), changes.toString());
        assertTrue(changes.getJsonArray("cancelled").isEmpty(), changes.toString());
        assertTrue(changes.getJsonArray("added").stream().noneMatch(a -> a.toString().contains("a-đ")),
                changes.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Changes      8 kept, 0 moved, 0 cancelled"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRequiredMeetingWhoseIdNowNamesAnotherPairIsAddedForTheNewPairAndTheOldPairKeptWhereItStillMeets()
            throws IOException {
        JsonObject changes = repair("r1-newpair.json");

        assertEquals(8, changes.getInt("kept"), changes.toString());
        assertTrue(changes.getJsonArray("cancelled").isEmpty(), changes.toString());
        assertEquals(1, changes.getJsonArray("added").stream().map(a -> a.asJsonObject())
                .filter(a -> a.getString("id").equals("R1") && a.getString("origin").equals("required")
                        && a.getJsonArray("participants").toString().contains("a3")).count(), changes.toString());
    }
}
