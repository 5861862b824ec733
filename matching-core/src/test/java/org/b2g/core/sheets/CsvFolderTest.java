package org.b2g.core.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.b2g.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderTest {

    private static final Set<String> NAMES = Set.of("meetings.csv", "agendas.csv");

    /** Writes the meetings, then fails before the agendas, as a full disk would. */
    private static final CsvFolder.Content FAILS_MIDWAY = into -> {
        Files.writeString(into.resolve("meetings.csv"), "new meetings");
        throw new IOException("No space left on device");
    };

    private static CsvFolder.Content both(String text) {
        return into -> {
            Files.writeString(into.resolve("meetings.csv"), text + " meetings");
            Files.writeString(into.resolve("agendas.csv"), text + " agendas");
        };
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureMidwayLeavesNoFolderWhereNoneWas(@TempDir Path dir) throws Exception {
        assertThrows(IOException.class, () -> CsvFolder.write(dir.resolve("out"), NAMES, FAILS_MIDWAY));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void aFailureMidwayKeepsTheEarlierExportWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CsvFolder.write(out, NAMES, both("old"));
        assertThrows(IOException.class, () -> CsvFolder.write(out, NAMES, FAILS_MIDWAY));
        assertEquals(List.of("out"), listing(dir));
        assertEquals("old meetings", Files.readString(out.resolve("meetings.csv")));
        assertEquals("old agendas", Files.readString(out.resolve("agendas.csv")));
    }

    @Test
    void replacesAnEarlierExportWholeAndLeavesNothingBeside(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("nested")).resolve("out");
        CsvFolder.write(out, NAMES, into -> Files.writeString(into.resolve("agendas.csv"), "old agendas"));
        Files.writeString(out.resolve(".DS_Store"), "what Finder leaves");
        CsvFolder.write(out, NAMES, into -> Files.writeString(into.resolve("meetings.csv"), "new meetings"));
        assertEquals(List.of("meetings.csv"), listing(out));
        assertEquals(List.of("out"), listing(dir.resolve("nested")));
    }

    @Test
    void refusesAFolderHoldingOtherFilesAndLeavesItAlone(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("event"));
        Files.writeString(out.resolve("participants.csv"), "id,role");
        Files.writeString(out.resolve("meetings.csv"), "mine");
        InputException e = assertThrows(InputException.class, () -> CsvFolder.write(out, NAMES, both("new")));
        assertEquals(out + " holds other files (participants.csv); expected a new or empty folder, or an earlier"
                + " export (agendas.csv, meetings.csv), which is replaced whole.", e.getMessage());
        assertEquals(List.of("meetings.csv", "participants.csv"), listing(out));
        assertEquals("mine", Files.readString(out.resolve("meetings.csv")));
        assertEquals(List.of("event"), listing(dir));
    }

    @Test
    void refusesAFileAndAFileOnTheWay(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("schedule"), "keep");
        assertEquals(file + " is a file; expected a folder to write the CSV files into.",
                assertThrows(InputException.class, () -> CsvFolder.write(file, NAMES, both("new"))).getMessage());
        assertEquals(file.resolve("out") + ": the folder " + file + " does not exist.", assertThrows(
                InputException.class, () -> CsvFolder.write(file.resolve("out"), NAMES, both("new"))).getMessage());
        Path deep = dir.resolve("no").resolve("out");
        assertEquals(deep + ": the folder " + dir.resolve("no") + " does not exist.", assertThrows(
                InputException.class, () -> CsvFolder.write(deep, NAMES, both("new"))).getMessage());
        assertEquals("keep", Files.readString(file));
        assertEquals(List.of("schedule"), listing(dir));
    }
}
