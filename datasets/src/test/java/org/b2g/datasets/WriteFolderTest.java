package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.b2g.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFolderTest {

    @Test
    void refusesAFileAsTheWriteFolderBeforeAnyWorkAndAcceptsAFolderOrANewName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("published.json"), "{}");
        InputException e = assertThrows(InputException.class, () -> BenchRepairCommand.writeFolder(file.toString()));
        assertEquals("--write " + file + " is a file; expected a folder to write into.", e.getMessage());
        assertEquals(dir, BenchRepairCommand.writeFolder(dir.toString()));
        assertEquals(dir.resolve("week"), BenchRepairCommand.writeFolder(dir.resolve("week").toString()));
    }
}
