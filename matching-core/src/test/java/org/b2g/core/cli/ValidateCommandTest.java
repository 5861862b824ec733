package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.b2g.core.domain.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final Function<Event, List<String>> NO_OBSTACLE = event -> List.of();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(Function<Event, List<String>> precheck, String... args) {
        return new ValidateCommand(precheck).run(List.of(args), print(out), print(err));
    }

    /** Through {@link Main}, as {@code ./b2g validate} runs it: bad input never reaches the pre-check. */
    private int main(String... args) {
        String[] verbAndArgs = new String[args.length + 1];
        verbAndArgs[0] = "validate";
        System.arraycopy(args, 0, verbAndArgs, 1, args.length);
        return Main.run(verbAndArgs, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private Path example() throws IOException {
        Path file = dir.resolve("hcmc.json");
        try (InputStream in = getClass().getResourceAsStream("/org/b2g/core/io/formats-example-completed.json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void warnsAboutAFieldThatLooksMisspeltSinceTheFormatIgnoresIt() throws IOException {
        Path file = example();
        Files.writeString(file, Files.readString(file).replace("\"maxMeetings\": 8", "\"maxMeeting\": 8")
                .replace("\"fixedSlot\": 3", "\"fixedslot\": 3"));
        validate(NO_OBSTACLE, file.toString());
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("warning: " + file + ": participants[0].maxMeeting is not a field of b2g-event/1 and"
                + " is ignored; did you mean maxMeetings?\n"), said);
        // m-1, the meeting with the fixed slot, is the second of the example
        assertTrue(said.contains("warning: " + file + ": meetings[1].fixedslot is not a field of b2g-event/1 and is"
                + " ignored; did you mean fixedSlot?\n"), said);
    }

    @Test
    void pointsAWorkbookOrCsvFolderToTheImport() throws IOException {
        Path workbook = Files.write(dir.resolve("event.xlsx"), new byte[] {'P', 'K'});
        assertEquals(Command.BAD_INPUT, main(workbook.toString()));
        assertEquals(workbook + ": unknown kind of input; expected a .json (b2g-event/1) or a .dzn (B2B benchmark)"
                + " file; a workbook or a folder of CSV files becomes one with ./b2g import " + workbook
                + " --out event.json.", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void summarisesAValidEventAndExitsZero() throws IOException {
        assertEquals(Command.OK, validate(NO_OBSTACLE, example().toString()));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("hcmc-dx-day-2024 — HCMC Digital Transformation Day 2024"), summary);
        assertTrue(summary.contains("participants  3 (2 startup, 1 agency)"), summary);
        assertTrue(summary.contains("meetings      2 required (1 with a fixed slot, 1 bound to a session,"
                + " 1 with precedences)"), summary);
        assertTrue(summary.contains("slots         20 in 2 sessions over 1 day (20 minutes each, Asia/Ho_Chi_Minh)"),
                summary);
        assertTrue(summary.contains("sessions      d1-am 1..10, d1-pm 11..20"), summary);
        assertTrue(summary.contains("tables        2"), summary);
        assertTrue(summary.contains("requests      1 (1 high; 0 mutual pairs)"), summary);
        assertTrue(summary.contains("exclusions    1"), summary);
        assertTrue(summary.contains("rules         at most 2 breaks per participant"), summary);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void appliesTheMaxBreaksOption() throws IOException {
        assertEquals(Command.OK, validate(NO_OBSTACLE, example().toString(), "--max-breaks", "0"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("at most 0 breaks per participant"));
    }

    @Test
    void printsThePreCheckSentencesAndExitsThree() throws IOException {
        Path file = example();
        int code = validate(event -> List.of("Participant s-001 has 3 required meetings but only 2 slots."),
                file.toString());
        assertEquals(Command.INFEASIBLE, code);
        assertEquals(file + ": the required meetings cannot all be scheduled:\n"
                + "  - Participant s-001 has 3 required meetings but only 2 slots.\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void readsDznInputByExtension() throws IOException {
        Path file = dir.resolve("tiny.dzn");
        Files.writeString(file, """
                nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 2; nMorningSlots = 2;
                requested = [| 1, 2, 3 | 2, 3, 3 |];
                """);
        assertEquals(Command.OK, validate(NO_OBSTACLE, file.toString()));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("tiny\n"), summary);
        assertTrue(summary.contains("participants  3 (3 company)"), summary);
    }

    @Test
    void rejectsBadInputWithOneLineOnStandardErrorAndExitTwo() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Files.readString(example()).replace("\"s-002\", \"a-dost\"", "\"s-404\", \"a-dost\""));
        assertEquals(Command.BAD_INPUT, main(file.toString()));
        assertEquals(file + ": exclusions[0].participants[0]: unknown participant \"s-404\".\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAnInputThatIsNeitherJsonNorDzn() throws IOException {
        Path file = dir.resolve("event.xml");
        Files.writeString(file, "<event/>");
        assertEquals(Command.BAD_INPUT, main(file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(file + ": unknown kind of input; expected a .json"));
    }

    @Test
    void rejectsAMissingFileAndAMissingArgument() {
        assertEquals(Command.BAD_INPUT, main(dir.resolve("none.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("none.json: no such file."));
        err.reset();
        assertEquals(Command.BAD_INPUT, main());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("b2g validate: expected one INPUT file"));
    }

    @Test
    void warnsAboutARequestBetweenAnExcludedPairNamingBoth() throws IOException {
        Path file = dir.resolve("excluded.json");
        // The example excludes s-002 and a-dost; s-002 now asks a-dost all the same.
        Files.writeString(file, Files.readString(example()).replace("\"requests\":   [",
                "\"requests\":   [{\"from\": \"s-002\", \"to\": \"a-dost\"}, "));

        assertEquals(Command.OK, validate(NO_OBSTACLE, file.toString()));

        assertEquals("warning: " + file + ": requests[0]: s-002 and a-dost are excluded from meeting (exclusions[0]);"
                + " the request will not be met\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
