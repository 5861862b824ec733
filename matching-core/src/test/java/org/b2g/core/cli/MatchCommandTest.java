package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    private static final String EVENT = """
            {"format": "b2g-event/1",
             "event": {"id": "e", "sessions": [{"id": "am", "slots": 4}], "tables": 2},
             "participants": [
               {"id": "s-1", "role": "startup", "name": "VietSense AI", "offerings": [{"id": "o-1",
                 "title": "Traffic camera analytics", "description": "Phân tích camera giao thông", "tags": ["ai"]}]},
               {"id": "s-2", "role": "startup", "name": "MekongChain", "offerings": [{"id": "o-2",
                 "title": "Land records", "description": "Số hóa hồ sơ đất đai", "tags": ["land"]}]},
               {"id": "a-1", "role": "agency", "name": "Sở Giao thông Vận tải", "needs": [{"id": "n-1",
                 "title": "Giảm ùn tắc giao thông", "description": "Camera giám sát", "tags": ["AI"]}]}],
             "requests": [{"from": "a-1", "to": "s-2", "priority": "high"}]}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int match(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "match";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void ranksCandidatesPerParticipantWithReasons(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("event.json"), EVENT);
        assertEquals(0, match(file.toString(), "--top", "1"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("a-1 Sở Giao thông Vận tải (agency): 2 candidates"), text);
        // --top 1: the high request comes before the recommendation.
        assertTrue(text.contains("1. request"), text);
        assertTrue(!text.contains("2. recommended"), text);
        assertTrue(text.contains("s-1 VietSense AI (startup): 1 candidate"), text);
        assertTrue(text.contains("both tagged ai"), text);
        assertTrue(text.contains("answers need") && text.contains("(traffic, video surveillance"), text);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Scored 2 startup-agency pairs in "));
    }

    @Test
    void writesTheRankingAsJsonForTools(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("event.json"), EVENT);
        assertEquals(0, match(file.toString(), "--top", "1", "--json"));
        jakarta.json.JsonObject json = jakarta.json.Json.createReader(
                new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
        assertEquals("b2g-candidates/1", json.getString("format"));
        jakarta.json.JsonObject agency = json.getJsonArray("participants").getValuesAs(jakarta.json.JsonObject.class)
                .stream().filter(p -> p.getString("participant").equals("a-1")).findFirst().orElseThrow();
        assertEquals(1, agency.getJsonArray("candidates").size(), "--top 1");
        jakarta.json.JsonObject first = agency.getJsonArray("candidates").getJsonObject(0);
        assertEquals("s-2", first.getString("counterpart"));
        assertEquals("request", first.getString("origin"));
        assertEquals(first.getJsonArray("reasons").size(), first.getJsonArray("reasonCodes").size());
    }

    @Test
    void rejectsABadTopWithExitCode2(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("event.json"), EVENT);
        assertEquals(2, match(file.toString(), "--top", "zero"));
        assertEquals("--top (zero) is not a whole number.", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void rejectsAMissingFileWithExitCode2() {
        assertEquals(2, match("no-such-event.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-event.json: no such file."));
    }
}
