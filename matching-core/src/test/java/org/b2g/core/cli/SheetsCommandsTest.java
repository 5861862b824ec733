package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.b2g.core.io.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The template's example event, imported into {@code dir} as event.json. */
    private Path importedTemplate(Path dir) throws Exception {
        Path workbook = dir.resolve("event.xlsx");
        assertEquals(0, run("template", "--out", workbook.toString()));
        Path event = dir.resolve("event.json");
        assertEquals(0, run("import", workbook.toString(), "--out", event.toString()), err.toString());
        return event;
    }

    /** {@code event} solved into {@code dir} as schedule.json, the same on every machine. */
    private Path solved(Path dir, Path event) throws Exception {
        Path schedule = dir.resolve("schedule.json");
        assertEquals(0, run("solve", event.toString(), "--out", schedule.toString(), "--seed", "1",
                "--move-limit", "2000"), err.toString());
        return schedule;
    }

    @Test
    void templateImportSolveAndExportWorkTogether(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        assertEquals("my-event-2025", EventJson.read(event).id());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Event        my-event-2025: 3 participants"));
        Path schedule = solved(dir, event);
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("schedule.xlsx").toString()), err.toString());
        assertTrue(Files.size(dir.resolve("schedule.xlsx")) > 0);
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("meetings.csv").toString()));
        assertTrue(Files.readString(dir.resolve("meetings.csv")).startsWith("\uFEFFslot,day,start"));
    }

    @Test
    void exportWarnsThatAScheduleBreaksHardRules(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        Path schedule = solved(dir, event);
        Path clashing = dir.resolve("clashing.json");
        Files.writeString(clashing, Files.readString(schedule).replaceFirst("\"score\": \"0hard/",
                "\"score\": \"-1hard/"));
        err.reset();
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("a.csv").toString()), err.toString());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("Warning"), err.toString());

        assertEquals(0, run("export", clashing.toString(), "--event", event.toString(), "--out",
                dir.resolve("b.csv").toString()), err.toString());

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Warning      " + clashing + " breaks hard rules (score"
                + " -1hard/"), err.toString());
    }

    @Test
    void theImportSummaryCountsEveryRoleCompaniesToo(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("event"));
        Files.writeString(folder.resolve("event.csv"), "key,value\nid,b2b\nslotMinutes,20\ntables,2\nslots,3\n");
        Files.writeString(folder.resolve("participants.csv"),
                "id,role,name,offering,need\ns-1,startup,S,x,\na-1,agency,A,,y\nc-1,company,C,z,\nc-2,company,D,z,\n");

        assertEquals(0, run("import", folder.toString(), "--out", dir.resolve("event.json").toString()),
                err.toString());

        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "Event        b2b: 4 participants (1 startup, 1 agency, 2 company), 3 slots, 2 tables"), err.toString());
    }

    @Test
    void anEventsWorkbookKeepsTheParticipantsEmailsSoThatItImportsBackAsItWas(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        Map<String, String> emails = EventJson.emails(Files.readString(event), "event.json");
        assertFalse(emails.isEmpty(), "the template's example rows give emails");
        Path again = dir.resolve("again.xlsx");
        assertEquals(0, run("template", "--out", again.toString(), "--event", event.toString()), err.toString());
        Path back = dir.resolve("back.json");
        assertEquals(0, run("import", again.toString(), "--out", back.toString()), err.toString());
        assertEquals(emails, EventJson.emails(Files.readString(back), "back.json"));
    }

    /** A schedule of event "day" as solve writes it: s-1 meets a-1 and s-2 meets a-2 at the slots and times given. */
    private static String schedule(int slot1, String time1, int slot2, String time2) {
        return """
                {"format": "b2g-schedule/1", "event": "day",
                 "meetings": [
                   {"id": "m-1", "participants": ["s-1", "a-1"], "slot": %d, "table": "T1",
                    "start": "2024-10-10T%s:00+07:00", "origin": "request"},
                   {"id": "m-2", "participants": ["s-2", "a-2"], "slot": %d, "table": "T2",
                    "start": "2024-10-10T%s:00+07:00", "origin": "request"}],
                 "unscheduled": []}
                """.formatted(slot1, time1, slot2, time2);
    }

    @Test
    void exportFindsMeetingsByTheirTimeAfterTheSessionMovedAndRefusesATimeTheEventLostInOneLine(@TempDir Path dir)
            throws Exception {
        // Written when the morning started at 08:30 (slots 08:30, 08:50, 09:10); it starts at 08:50 now.
        Path schedule = Files.writeString(dir.resolve("schedule.json"), schedule(2, "08:50", 3, "09:10"));
        Path lost = Files.writeString(dir.resolve("lost.json"), schedule(1, "08:30", 3, "09:10"));
        Path event = Files.writeString(dir.resolve("event.json"), """
                {"format": "b2g-event/1",
                 "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                           "sessions": [{"id": "am", "day": "2024-10-10", "start": "08:50", "slots": 3}],
                           "tables": [{"id": "T1"}, {"id": "T2"}]},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}, {"id": "a-2", "role": "agency"}]}
                """);

        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("meetings.csv").toString()), err.toString());
        List<String> rows = Files.readAllLines(dir.resolve("meetings.csv"));
        assertTrue(rows.get(1).startsWith("1,2024-10-10,08:50,09:10,T1,,s-1,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,2024-10-10,09:10,09:30,T2,,s-2,"), rows.get(2));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Note         2 of the meetings are in other slot"
                + " numbers than " + schedule + " gives"), err.toString());

        err.reset();
        assertEquals(2, run("export", lost.toString(), "--event", event.toString(), "--out",
                dir.resolve("lost.csv").toString()));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith(lost + ": meetings[0] (m-1, s-1 with a-1) is at 2024-10-10T08:30:00+07:00 (slot 1"
                + " in the schedule), and event day has no slot then; expected the start of one of its slots, which"
                + " run 2024-10-10 08:50-09:50."), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(Files.exists(dir.resolve("lost.csv")));
    }

    @Test
    void exportTakesAScheduleWithAByteOrderMarkAndRefusesAFolderInOneLine(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        Path schedule = solved(dir, event);
        Files.writeString(schedule, "\uFEFF" + Files.readString(schedule));
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("meetings.csv").toString()), err.toString());
        err.reset();
        assertEquals(2, run("export", dir.toString(), "--event", event.toString(), "--out",
                dir.resolve("m.csv").toString()));
        assertEquals(dir + ": is a folder; expected a file.", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void exportWritesTheMeetingsToStandardOutAndRefusesAFileNameThatIsNoSheetFormat(@TempDir Path dir)
            throws Exception {
        Path event = importedTemplate(dir);
        Path schedule = solved(dir, event);
        out.reset();
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out", "-"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("\uFEFFslot,day,start"));
        assertFalse(Files.exists(Path.of("-")), "no folder named -");
        for (String name : List.of("schedule-out.json", "agenda.xls")) {
            err.reset();
            assertEquals(2, run("export", schedule.toString(), "--event", event.toString(), "--out",
                    dir.resolve(name).toString()));
            assertEquals("--out (" + dir.resolve(name) + ") is neither .xlsx nor .csv; expected FILE.xlsx, FILE.csv,"
                    + " or a FOLDER (a name without an extension, or a folder that exists).",
                    err.toString(StandardCharsets.UTF_8).strip());
            assertFalse(Files.exists(dir.resolve(name)));
        }
        err.reset();
        Path missing = dir.resolve("no-such-folder").resolve("out");
        assertEquals(2, run("export", schedule.toString(), "--event", event.toString(), "--out", missing.toString()));
        assertEquals("--out " + missing + ": the folder " + missing.getParent() + " does not exist.",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void exportSeparatesBySemicolonOrTabGivenAsTheCharacterOrItsName(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        Path schedule = solved(dir, event);
        for (String[] given : new String[][] {{";", "semicolon"}, {"\t", "tab"}}) {
            Path character = dir.resolve("character.csv");
            Path word = dir.resolve("word.csv");
            assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                    character.toString(), "--separator", given[0]), err.toString());
            assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                    word.toString(), "--separator=" + given[1]), err.toString());
            assertTrue(Files.readString(character).startsWith("\uFEFFslot" + given[0] + "day" + given[0] + "start"),
                    given[1]);
            assertEquals(Files.readString(character), Files.readString(word), given[1]);
        }
        assertEquals(0, run("export", schedule.toString(), "--event", event.toString(), "--out",
                dir.resolve("sheets").toString(), "--separator", ";"), err.toString());
        assertTrue(Files.readString(dir.resolve("sheets").resolve("agendas.csv")).startsWith("\uFEFFparticipant;"));
    }

    @Test
    void exportRefusesASeparatorItDoesNotKnowOrAWorkbookTargetNamingTheOption(@TempDir Path dir) throws Exception {
        Path event = importedTemplate(dir);
        Path schedule = solved(dir, event);
        err.reset();
        Path csv = dir.resolve("meetings.csv");
        assertEquals(2, run("export", schedule.toString(), "--event", event.toString(), "--out", csv.toString(),
                "--separator", "|"));
        assertEquals("--separator (|) is not a separator; expected ',', ';' or tab (comma, semicolon, tab).",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(csv));
        err.reset();
        Path xlsx = dir.resolve("schedule.xlsx");
        assertEquals(2, run("export", schedule.toString(), "--event", event.toString(), "--out", xlsx.toString(),
                "--separator", ";"));
        assertEquals("--separator (;) has no meaning for a workbook (--out " + xlsx + "); expected FILE.csv, - or a"
                + " FOLDER with it, or no --separator.", err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(Files.exists(xlsx));
    }

    @Test
    void badInputExitsWithTwoListsTheProblemsAndWritesNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), "key,value\nid,x\ntables,2\nslots,4\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role\na,boss\nb,chief\n");
        Path target = dir.resolve("event.json");
        assertEquals(2, run("import", dir.toString(), "--out", target.toString()));
        assertFalse(Files.exists(target));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith(dir + ": 2 errors; nothing was imported:\n"
                + "  participants.csv row 2, column \"role\": \"boss\" is not a role (startup, agency, company)\n"
                + "  participants.csv row 3, column \"role\""), message);
    }
}
