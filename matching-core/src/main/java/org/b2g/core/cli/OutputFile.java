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

    /**
     * Writes {@code text} as UTF-8 to {@code target}.
     *
     * @param option the option that named the target, for messages ({@code --out})
     * @throws InputException when the target's folder does not exist
     */
    public static void write(String option, String target, String text, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        Path path = Path.of(target).toAbsolutePath();
        if (Files.exists(path)) {
            path = path.toRealPath(); // a link names the file to replace, not itself
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
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
            Files.writeString(temp, text, StandardCharsets.UTF_8);
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
