package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {

    private static final String EVENT = """
            {"format": "b2g-event/1",
             "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                       "sessions": [{"id": "am", "day": "2024-10-10", "start": "08:30", "slots": 3}], "tables": 1},
             "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"%s},
                              {"id": "a-1", "role": "agency"%s}],
             "requests": [{"from": "s-1", "to": "a-1"}, {"from": "s-2", "to": "a-1"}]}
            """;

    private static final String BEFORE_THE_EVENT = "2024-10-03T08:00";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path published() throws IOException {
        Path event = Files.writeString(dir.resolve("event.json"), EVENT.formatted("", ""));
        Path schedule = dir.resolve("published.json");
        assertEquals(0, main("solve", event.toString(), "--seed", "1", "--move-limit", "20000", "--out",
                schedule.toString()), err());
        return schedule;
    }

    @Test
    void writesTheRepairedScheduleAndTheChangeReport() throws IOException {
        Path published = published();
        // a-1 can now attend slot 2 only: of its two published meetings, at least one must move or go.
        Path changed = Files.writeString(dir.resolve("changed.json"),
                EVENT.formatted("", ", \"unavailableSlots\": [1, 3]"));
        Path repaired = dir.resolve("repaired.json");
        Path changes = dir.resolve("changes.json");

        // As of a week before the event (it took place in 2024: without --now nothing would move).
        int exit = main("repair", changed.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "20000", "--out", repaired.toString(), "--changes", changes.toString(), "--now",
                BEFORE_THE_EVENT);

        assertEquals(0, exit, err());
        String report = Files.readString(changes);
        assertTrue(report.contains("\"format\": \"b2g-changes/1\""), report);
        assertTrue(report.contains("\"mode\": \"minimal\""), report);
        assertTrue(report.contains("is no longer available in slot"), report);
        assertTrue(Files.readString(repaired).contains("\"format\": \"b2g-schedule/1\""));
        assertTrue(err().contains("Changes      "), err());
        assertTrue(err().contains("people affected"), err());
    }

    @Test
    void aRepairOfAnEventTheClockFindsOverIsMadeAsIfNoSlotHadStartedAndSaysSo() throws IOException {
        // The same change as above, with no --now, long after 2024-10-10: a replay of the changes, as a plan.
        int exit = repairWithASlotLessForTheAgency();

        assertEquals(0, exit, err());
        Path changes = dir.resolve("changes.json");
        assertTrue(Files.readString(changes).contains("is no longer available in slot"), Files.readString(changes));
        assertTrue(err().contains("Note         the event is over by the clock (its last slot began on 2024-10-10):"
                + " repaired as if no slot had started; give --now (e.g. 2024-10-10T11:00) to repair as of a moment"
                + " of the event"), err());
    }

    @Test
    void aRepairAsOfATimeAfterTheEventKeepsEveryPublishedMeetingAndSaysSo() throws IOException {
        // The same change as above, as of the day after the event: the meetings have taken place.
        int exit = repairWithASlotLessForTheAgency("--now", "2024-10-11T09:00");

        assertEquals(0, exit, err());
        String report = Files.readString(dir.resolve("changes.json"));
        assertTrue(report.contains("\"kept\": 2,"), report);
        assertTrue(report.contains("\"moved\": [\n    ]"), report);
        assertTrue(err().contains("Note         the event is over at "), err());
        assertTrue(err().contains("the 2 published meetings there stay where they were and nothing new can be"
                + " placed"), err());
    }

    /**
     * Repairs the published schedule after a-1 became unavailable in slots 1 and 3, with {@code now} (none, or
     * {@code --now} and a time), the report written to changes.json; the exit code.
     */
    private int repairWithASlotLessForTheAgency(String... now) throws IOException {
        Path published = published();
        Path changed = Files.writeString(dir.resolve("changed.json"),
                EVENT.formatted("", ", \"unavailableSlots\": [1, 3]"));
        err.reset();
        List<String> args = new ArrayList<>(List.of("repair", changed.toString(), "--published",
                published.toString(), "--seed", "1", "--move-limit", "20000", "--out",
                dir.resolve("repaired.json").toString(), "--changes", dir.resolve("changes.json").toString()));
        args.addAll(List.of(now));
        return main(args.toArray(String[]::new));
    }

    @Test
    void onTheDayTheSlotsThatHaveStartedKeepTheirMeetings() throws IOException {
        Path published = published();
        Path changed = Files.writeString(dir.resolve("changed.json"),
                EVENT.formatted("", ", \"unavailableSlots\": [1, 3]"));
        Path changes = dir.resolve("changes.json");
        err.reset();

        // 08:40 local: slot 1 (08:30) has started, slots 2 and 3 have not.
        int exit = main("repair", changed.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "20000", "--out", dir.resolve("repaired.json").toString(), "--changes",
                changes.toString(), "--now", "2024-10-10T01:40:00Z");

        assertEquals(0, exit, err());
        assertTrue(err().contains("Note         1 of 3 slots have started at 2024-10-10T08:40+07:00 (up to slot 1 at"
                + " 2024-10-10 08:30 Asia/Ho_Chi_Minh)"), err());
        String report = Files.readString(changes);
        // The meeting in slot 1 took place although a-1 now says it could not attend; the one in slot 2 stands.
        assertTrue(report.contains("\"kept\": 2,"), report);
        assertTrue(report.contains("\"moved\": [\n    ]"), report);
    }

    @Test
    void aMeetingFixedToASlotThatHasStartedIsToldSoNotThatItsParticipantIsUnavailable() throws IOException {
        String fixedTo = """
                {"format": "b2g-event/1",
                 "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                           "sessions": [{"id": "am", "day": "2024-10-10", "start": "08:30", "slots": 3}], "tables": 1},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "a-1", "role": "agency"}],
                 "meetings": [{"id": "m-1", "participants": ["s-1", "a-1"], "fixedSlot": %d}]}
                """;
        Path event = Files.writeString(dir.resolve("event.json"), fixedTo.formatted(2));
        Path published = dir.resolve("published.json");
        assertEquals(0, main("solve", event.toString(), "--seed", "1", "--move-limit", "2000", "--out",
                published.toString()), err());
        // Moved to slot 1 after it began: nobody is unavailable there, the slot is over.
        Path changed = Files.writeString(dir.resolve("changed.json"), fixedTo.formatted(1));
        err.reset();

        int exit = main("repair", changed.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "2000", "--out", dir.resolve("repaired.json").toString(), "--now",
                "2024-10-10T01:40:00Z");

        assertEquals(3, exit, err());
        assertTrue(err().contains("  - Meeting m-1 (Participant s-1 with Participant a-1) is fixed to slot 1 (08:30),"
                + " which has started.\n"), err());
        assertFalse(err().contains("is unavailable"), err());

        // Leaving after slot 1 once it has begun: the slot both could attend is over, not missing.
        Files.writeString(changed, fixedTo.formatted(2).replace("\"fixedSlot\": 2", "\"session\": \"am\"")
                .replace("{\"id\": \"s-1\", \"role\": \"startup\"}",
                        "{\"id\": \"s-1\", \"role\": \"startup\", \"unavailableSlots\": [2, 3]}"));
        err.reset();

        assertEquals(3, main("repair", changed.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "2000", "--out", dir.resolve("repaired.json").toString(), "--now",
                "2024-10-10T01:40:00Z"), err());
        assertTrue(err().contains("  - Meeting m-1 (Participant s-1 with Participant a-1) has no slot both can attend"
                + " in session am (slots 1–3) among those that have not started.\n"), err());
    }

    @Test
    void refusesANowThatIsNotATime() throws IOException {
        Path published = published();
        err.reset();

        assertEquals(2, main("repair", dir.resolve("event.json").toString(), "--published", published.toString(),
                "--now", "tomorrow"));
        assertTrue(err().startsWith("--now (tomorrow) is not a time; expected e.g. 2024-10-10T11:00+07:00"), err());
    }

    @Test
    void refusesANowBeyondFourDigitYearsInsteadOfCrashing() throws IOException {
        Path published = published();
        for (String now : new String[] {"+999999999-12-31T23:59:59Z", "+999999999-12-31T23:59"}) {
            err.reset();
            assertEquals(2, main("repair", dir.resolve("event.json").toString(), "--published", published.toString(),
                    "--now", now), err());
            assertTrue(err().startsWith("--now (" + now + ") is not a time; expected e.g. 2024-10-10T11:00+07:00"),
                    err());
        }
    }

    @Test
    void keepsAPublishedMeetingWhoseOriginTheScheduleDoesNotGiveInsteadOfCallingItARemovedRequiredMeeting()
            throws IOException {
        Path published = published();
        String withoutOrigins = Files.readString(published).replaceAll("\"origin\": \"[a-z]+\",", "");
        assertFalse(withoutOrigins.contains("\"origin\""));
        Files.writeString(published, withoutOrigins);
        // Both requests withdrawn: nothing in the event says why the published meetings were there.
        Path changed = Files.writeString(dir.resolve("changed.json"),
                EVENT.formatted("", "").replaceAll(",\\s*\"requests\": \\[.*]", ""));
        Path changes = dir.resolve("changes.json");
        err.reset();

        int exit = main("repair", changed.toString(), "--published", published.toString(), "--seed", "1",
                "--move-limit", "2000", "--out", dir.resolve("repaired.json").toString(), "--changes",
                changes.toString(), "--now", BEFORE_THE_EVENT);

        assertEquals(0, exit, err());
        String report = Files.readString(changes);
        assertFalse(report.contains("required meeting"), report);
        assertTrue(report.contains("\"cancelled\": [\n    ]"), report);
    }

    @Test
    void refusesAScheduleOfAnotherEvent() throws IOException {
        Path published = published();
        Path other = Files.writeString(dir.resolve("other.json"),
                Files.readString(published).replace("\"event\": \"day\"", "\"event\": \"night\""));
        Path changed = Files.writeString(dir.resolve("changed.json"), EVENT.formatted("", ""));
        err.reset();

        int exit = main("repair", changed.toString(), "--published", other.toString(), "--out",
                dir.resolve("r.json").toString());

        assertEquals(2, exit);
        assertEquals(other + ": event (\"night\") is not the event being repaired (\"day\"); expected a schedule"
                + " published for day.", err().strip());
        assertFalse(Files.exists(dir.resolve("r.json")));
    }

    @Test
    void writesNeitherOutputWhenTheChangesCannotBeWritten() throws IOException {
        Path published = published();
        Path repaired = dir.resolve("repaired.json");
        err.reset();

        int exit = main("repair", dir.resolve("event.json").toString(), "--published", published.toString(),
                "--move-limit", "2000", "--out", repaired.toString(), "--changes",
                dir.resolve("no-such-folder/changes.json").toString());

        assertEquals(2, exit, err());
        assertTrue(err().startsWith("--changes "), err());
        assertFalse(Files.exists(repaired), "the schedule was written without its change report");
    }

    @Test
    void writesNeitherOutputWhenTheChangesCannotBeWrittenAfterTheRepair() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full"); // a device: no check can tell it is full
        Path published = published();
        Path repaired = dir.resolve("repaired.json");
        err.reset();

        int exit = main("repair", dir.resolve("event.json").toString(), "--published", published.toString(),
                "--move-limit", "2000", "--out", repaired.toString(), "--changes", "/dev/full");

        assertEquals(2, exit, err());
        assertEquals("--changes /dev/full: cannot be written (No space left on device); nothing was written.",
                err().strip());
        assertFalse(Files.exists(repaired), "the schedule was written without its change report");
    }

    @Test
    void refusesOutputsThatWouldOverwriteEachOtherOrAnInputAndTouchesNothing() throws IOException {
        Path published = published();
        Path event = dir.resolve("event.json");
        String eventText = Files.readString(event);
        String publishedText = Files.readString(published);
        Path repaired = dir.resolve("repaired.json");
        String[][] cases = {
            {"--out", repaired.toString(), "--changes", dir.resolve(".").resolve("repaired.json").toString()},
            {"--out", event.toString()},
            {"--out", repaired.toString(), "--changes", published.toString()},
            {"--changes", "-"},
        };
        String[] expected = {
            "--changes " + dir.resolve(".").resolve("repaired.json") + " is the same file as --out (" + repaired
                    + "); expected a different file.",
            "--out " + event + " is the same file as the EVENT file (" + event + "); expected a different file.",
            "--changes " + published + " is the same file as --published (" + published
                    + "); expected a different file.",
            "--changes and --out both go to standard output; expected a file for at least one of them.",
        };
        for (int i = 0; i < cases.length; i++) {
            err.reset();
            String[] args = new String[5 + cases[i].length];
            System.arraycopy(new String[] {"repair", event.toString(), "--published", published.toString(),
                "--move-limit=2000"}, 0, args, 0, 5);
            System.arraycopy(cases[i], 0, args, 5, cases[i].length);
            assertEquals(2, main(args), err());
            assertEquals(expected[i], err().strip());
            assertFalse(Files.exists(repaired));
            assertEquals(eventText, Files.readString(event));
            assertEquals(publishedText, Files.readString(published));
        }
    }

    @Test
    void refusesAnOptionGivenTwiceOrEmpty() throws IOException {
        Path published = published();
        err.reset();
        assertEquals(2, main("repair", dir.resolve("event.json").toString(), "--published", published.toString(),
                "--out", "a.json", "--out=b.json"));
        assertEquals("b2g repair: --out is given twice (a.json, then b.json); expected it once.", err().strip());
        err.reset();
        assertEquals(2, main("repair", dir.resolve("event.json").toString(), "--published=", "--out", "a.json"));
        assertEquals("b2g repair: option --published is empty; expected a value.", err().strip());
    }

    @Test
    void asksForThePublishedScheduleAndAKnownMode() throws IOException {
        Path event = Files.writeString(dir.resolve("event.json"), EVENT.formatted("", ""));
        assertEquals(2, main("repair", event.toString()));
        assertTrue(err().startsWith("b2g repair: --published is missing"), err());
        err.reset();
        assertEquals(2, main("repair", event.toString(), "--published", "x.json", "--mode", "soft"));
        assertEquals("--mode (soft) is not a repair mode; expected minimal or freeze.", err().strip());
    }

    @Test
    void openSlotsNamesTheEventOfTheScheduleAndTheEventGiven() throws IOException {
        Path published = published();
        Path other = Files.writeString(dir.resolve("other.json"),
                Files.readString(published).replace("\"event\": \"day\"", "\"event\": \"night\""));
        err.reset();

        int exit = main("open-slots", dir.resolve("event.json").toString(), "--schedule", other.toString(), "s-1",
                "s-2");

        assertEquals(2, exit);
        assertEquals(other + ": is a schedule of event \"night\", but the event given is \"day\"; expected a"
                + " schedule of day.", err().strip());
    }

    @Test
    void anOpenSlotsParticipantTheEventLacksIsNamedWithTheFileAndIdsItHas() throws IOException {
        Path published = published();
        Path event = dir.resolve("event.json");
        err.reset();

        int exit = main("open-slots", event.toString(), "--schedule", published.toString(), "s-1", "s-9", "--now",
                BEFORE_THE_EVENT);

        assertEquals(2, exit);
        assertEquals(event + ": has no participant s-9; expected one of its 3 participant ids, such as [s-1, s-2,"
                + " a-1].", err().strip());
    }

    @Test
    void listsTheOpenSlotsForOneMoreMeetingOrSaysWhyThereIsNone() throws IOException {
        Path published = published();
        Path event = dir.resolve("event.json");
        out.reset();

        int exit = main("open-slots", event.toString(), "--schedule", published.toString(), "s-1", "s-2", "--now",
                BEFORE_THE_EVENT);

        // Two startups are free in the slot a-1 does not use, and the table is free then.
        assertEquals(0, exit, err());
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.lines().skip(1).findFirst().orElse("").matches("slot \\d \\(0[89]:\\d\\d\\) +1 +[+-]\\d"),
                listed);
        out.reset();
        Path busy = Files.writeString(dir.resolve("busy.json"), EVENT.formatted(", \"maxMeetings\": 1", ""));
        assertEquals(3, main("open-slots", busy.toString(), "--schedule", published.toString(), "s-2", "s-1",
                "--now", BEFORE_THE_EVENT));
        assertEquals("No slot for s-2 and s-1: s-2 is fully booked (1 of 1).",
                out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void offersNoSlotThatHasStarted() throws IOException {
        Path published = published();
        Path event = dir.resolve("event.json");
        out.reset();

        // The day after the event (2024-10-10): nothing fits any more.
        assertEquals(3, main("open-slots", event.toString(), "--schedule", published.toString(), "s-1", "s-2",
                "--now", "2024-10-11T09:00"));
        assertEquals("No slot for s-1 and s-2: every slot of the event has started.",
                out.toString(StandardCharsets.UTF_8).strip());
        out.reset();
        // Without --now the clock finds the event over: answered as if no slot had started, and said so.
        err.reset();
        assertEquals(0, main("open-slots", event.toString(), "--schedule", published.toString(), "s-1", "s-2"),
                err());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("slot"), out.toString(StandardCharsets.UTF_8));
        assertTrue(err().contains("answered as if no slot had started"), err());
        out.reset();
        // At 09:00 slots 1 and 2 (08:30, 08:50) have started; only slot 3 (09:10) may be offered.
        assertEquals(0, main("open-slots", event.toString(), "--schedule", published.toString(), "s-1", "s-2",
                "--now", "2024-10-10T09:00"), err());
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.lines().skip(1).allMatch(line -> line.startsWith("slot 3 (09:10)")), listed);
    }
}
