package org.b2g.core.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.b2g.core.io.InputException;

/**
 * Where a verb's {@code --out} goes. A regular file (or a path that does not exist yet) is written beside itself and
 * renamed into place, so an interrupted run never leaves half a document behind. Anything else (a device such as
 * {@code /dev/null}, a named pipe, a terminal) is written straight to: renaming onto it would replace it by a regular
 * file, which for {@code /dev/null} run as root breaks the whole machine. {@code -} means standard output.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /** What goes into the output: written once, to a temporary file, a device or standard output. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}.
     *
     * @param option the option that named the target, for messages ({@code --out})
     * @throws InputException when the target's folder does not exist
     */
    public static void write(String option, String target, String text, PrintStream stdout) throws IOException {
        write(option, target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), stdout);
    }

    /**
     * Writes {@code content} to {@code target}: {@code -} is standard output, a device or pipe is written to
     * directly, a regular file (or a new path) is written beside itself and renamed into place.
     *
     * @throws InputException when the target's folder does not exist
     */
    public static void write(String option, String target, Content content, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            // Content may close what it writes to (a CSV printer does): standard output stays open.
            content.writeTo(new java.io.FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            stdout.flush();
            return;
        }
        Path path = Path.of(target).toAbsolutePath();
        if (Files.exists(path)) {
            path = path.toRealPath(); // a link names the file to replace, not itself
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isDirectory(path)) {
                    throw new InputException(option + " " + target + " is a folder; expected a file.");
                }
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                return;
            }
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(option + " " + target + ": the folder " + dir + " does not exist.");
        }
        Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
