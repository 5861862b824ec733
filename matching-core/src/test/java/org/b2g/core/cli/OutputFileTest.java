package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
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
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        // A reader on the pipe, as a shell's `| jq` or `/dev/stdout` would be.
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (java.io.IOException e) {
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
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(pipe);
            } catch (java.io.IOException e) {
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
}
