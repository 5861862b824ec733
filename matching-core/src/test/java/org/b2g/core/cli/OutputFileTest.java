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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    private static final PrintStream NO_STDOUT = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void replacesARegularFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, "old and longer than the new text");
        OutputFile.write("--out", file.toString(), "new", NO_STDOUT);
        assertEquals("new", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void aNewFileIsReadableAsTheUmaskSaysAndAReplacedOneKeepsItsPermissions() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path probe = Files.createFile(dir.resolve("probe")); // what any new file of this user gets
        Path file = dir.resolve("schedule.json");
        OutputFile.write("--out", file.toString(), "new", NO_STDOUT);
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(file));
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, shared);
        OutputFile.write("--out", file.toString(), "newer", NO_STDOUT);
        assertEquals(shared, Files.getPosixFilePermissions(file));
    }

    @Test
    void writesStraightIntoANamedPipeInsteadOfReplacingIt() throws Exception {
        Path pipe = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        // A reader on the pipe, as a shell's `| jq` or `/dev/stdout` would be.
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        OutputFile.write("--out", pipe.toString(), "through the pipe", NO_STDOUT);
        assertFalse(Files.isRegularFile(pipe), "the pipe was replaced by a regular file");
        assertTrue(Files.exists(pipe));
        // No second writer to "release" the reader: once the reader is gone, opening the pipe would block for ever.
        // A reader still waiting after 10 s (on a pipe renamed over) fails the test instead.
        assertEquals("through the pipe", read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void everyVerbThatWritesAFileLeavesANamedPipeInPlace() throws Exception {
        Path pipe = dir.resolve("book.xlsx");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(pipe);
            } catch (IOException e) {
                return new byte[0];
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"template", "--out", pipe.toString()}, NO_STDOUT,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.isRegularFile(pipe), "the pipe was replaced by a regular file");
        byte[] bytes = read.get(10, TimeUnit.SECONDS);
        assertTrue(bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K', "an .xlsx (zip) came through the pipe");
    }

    @Test
    void followsALinkAndKeepsIt() throws Exception {
        Path target = dir.resolve("real.json");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        OutputFile.write("--out", link.toString(), "new", NO_STDOUT);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void dashMeansStandardOutput() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputFile.write("--out", "-", "to stdout", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("to stdout", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void aWriteThatFailsLeavesTheFileAsItWasAndSaysWhyInOneLine() throws Exception {
        Path file = dir.resolve("schedule.json");
        Files.writeString(file, "published");
        org.b2g.core.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.b2g.core.io.InputException.class, () -> OutputFile.write("--out", file.toString(), out -> {
                    out.write("half a sched".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                }, NO_STDOUT));
        assertEquals("--out " + file + ": cannot be written (No space left on device); the file there is left as it"
                + " was.", e.getMessage());
        assertEquals("published", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAFolderItCannotWriteInBeforeAnyWork() {
        Path readOnly = Path.of("/sys"); // no file can be created there, not even by root
        assumeTrue(Files.isDirectory(readOnly), "no /sys");
        org.b2g.core.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.b2g.core.io.InputException.class, () -> OutputFile.check("--out", "/sys/schedule.json"));
        assertTrue(e.getMessage().startsWith("--out /sys/schedule.json: cannot write in the folder /sys ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); expected a folder you can write in."), e.getMessage());
    }

    @Test
    void aDeviceThatCannotTakeTheOutputIsOneLineToo() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        org.b2g.core.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.b2g.core.io.InputException.class, () -> OutputFile.write("--out", "/dev/full", "x", NO_STDOUT));
        assertEquals("--out /dev/full: cannot be written (No space left on device); nothing was written.",
                e.getMessage());
    }

    @Test
    void stagedOutputsAreInPlaceOnlyOnceCommittedAndGoneWhenNot() throws Exception {
        Path schedule = dir.resolve("schedule.json");
        Path report = dir.resolve("changes.json");
        try (OutputFile.Staged first = OutputFile.stage("--out", schedule.toString(), "schedule", NO_STDOUT)) {
            org.junit.jupiter.api.Assertions.assertThrows(org.b2g.core.io.InputException.class,
                    () -> OutputFile.stage("--changes", report.toString(), out -> {
                        throw new IOException("No space left on device");
                    }, NO_STDOUT));
            assertFalse(Files.exists(schedule), "staged, not yet in place");
        }
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count(), "neither output, and no temporary file");
        }
        try (OutputFile.Staged first = OutputFile.stage("--out", schedule.toString(), "schedule", NO_STDOUT);
                OutputFile.Staged second = OutputFile.stage("--changes", report.toString(), "report", NO_STDOUT)) {
            OutputFile.commit(first, second);
        }
        assertEquals("schedule", Files.readString(schedule));
        assertEquals("report", Files.readString(report));
    }
}
