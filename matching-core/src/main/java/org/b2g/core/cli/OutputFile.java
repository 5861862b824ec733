package org.b2g.core.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

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
     * @throws InputException when the target's folder does not exist, or the target cannot be written (a read-only
     *         folder, a full disk): one line naming it, the target left as it was
     */
    public static void write(String option, String target, Content content, PrintStream stdout) throws IOException {
        try (Staged staged = stage(option, target, content, stdout)) {
            staged.commit();
        }
    }

    /** {@link #stage(String, String, Content, PrintStream)} of {@code text} as UTF-8. */
    public static Staged stage(String option, String target, String text, PrintStream stdout) throws IOException {
        return stage(option, target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), stdout);
    }

    /**
     * Writes {@code content} to a temporary file beside a regular {@code target}, to be moved into place by
     * {@link Staged#commit}: a verb with two outputs stages both before it commits either, so that a full disk or a
     * read-only folder never leaves one written without the other. Standard output and devices cannot be staged:
     * they are written at the commit.
     *
     * @throws InputException as {@link #write(String, String, Content, PrintStream)}
     */
    public static Staged stage(String option, String target, Content content, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            return new Staged(option, target, null, null, content, stdout);
        }
        Path path = check(option, target);
        if (Files.exists(path) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Staged(option, target, path, null, content, stdout);
        }
        Path temp;
        try {
            temp = createBeside(path);
        } catch (IOException e) {
            throw cannotWrite(option, target, path, e);
        }
        boolean written = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            keepPermissions(path, temp);
            written = true;
        } catch (IOException e) {
            throw cannotWrite(option, target, path, e);
        } finally {
            if (!written) {
                Files.deleteIfExists(temp);
            }
        }
        return new Staged(option, target, path, temp, null, stdout);
    }

    /**
     * Commits every output given (nulls skipped): first those written only now (standard output, a device), whose
     * failure is the likelier, then the renames of the files staged beside their targets.
     */
    public static void commit(Staged... outputs) throws IOException {
        for (Staged output : outputs) {
            if (output != null && output.temp == null) {
                output.commit();
            }
        }
        for (Staged output : outputs) {
            if (output != null && output.temp != null) {
                output.commit();
            }
        }
    }

    /**
     * An output written but not yet in place. {@link #commit} puts it there (for a regular file, by one rename);
     * {@link #close} drops what was not committed.
     */
    public static final class Staged implements AutoCloseable {

        private final String option;
        private final String target;
        private final Path path;
        private Path temp;
        private final Content content;
        private final PrintStream stdout;

        private Staged(String option, String target, Path path, Path temp, Content content, PrintStream stdout) {
            this.option = option;
            this.target = target;
            this.path = path;
            this.temp = temp;
            this.content = content;
            this.stdout = stdout;
        }

        /** Moves the output into place, or writes it when it goes to standard output or a device. */
        public void commit() throws IOException {
            if (path == null) {
                writeToStdout(content, stdout);
                return;
            }
            try {
                if (temp == null) {
                    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                        content.writeTo(out);
                    }
                    return;
                }
                try {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
                temp = null;
            } catch (IOException e) {
                throw cannotWrite(option, target, path, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (temp != null) {
                Files.deleteIfExists(temp);
                temp = null;
            }
        }
    }

    private static void writeToStdout(Content content, PrintStream stdout) throws IOException {
        // Content may close what it writes to (a CSV printer does): standard output stays open.
        content.writeTo(new FilterOutputStream(stdout) {
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
    }

    /** One line for an output that could not be written, with the system's reason (not a stack trace). */
    private static InputException cannotWrite(String option, String target, Path path, IOException e) {
        boolean replacing = path != null && Files.isRegularFile(path);
        return new InputException(option + " " + target + ": cannot be written (" + reason(e) + "); "
                + (replacing ? "the file there is left as it was." : "nothing was written."), e);
    }

    /** What the system said, without the path it names again: "Read-only file system", "No space left on device". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Refuses a target that cannot be written before any work is done (a solve of minutes, or the first of two
     * outputs): its folder is missing or cannot be written in (read-only, not ours), or it is a folder itself.
     *
     * @return the path to write: absolute, a link resolved to the file it names
     * @throws InputException naming the option and the target
     */
    public static Path check(String option, String target) throws IOException {
        if (target.equals("-")) {
            return null;
        }
        Path path = Path.of(target).toAbsolutePath();
        if (Files.exists(path)) {
            path = path.toRealPath(); // a link names the file to replace, not itself
            if (Files.isDirectory(path)) {
                throw new InputException(option + " " + target + " is a folder; expected a file.");
            }
            if (!Files.isRegularFile(path)) {
                return path; // a device or a pipe, written to directly
            }
        } else {
            Path dir = path.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new InputException(option + " " + target + ": the folder " + dir + " does not exist.");
            }
        }
        // The file is written beside itself first: try that now rather than after the work (the file system, not the
        // permission bits, has the last word: root, read-only mounts, immutable folders).
        try {
            Files.delete(createBeside(path));
        } catch (IOException e) {
            throw new InputException(option + " " + target + ": cannot write in the folder " + path.getParent() + " ("
                    + reason(e) + "); expected a folder you can write in.", e);
        }
        return path;
    }

    /**
     * Refuses an output that is the same file as another output or as an input: the second write would destroy the
     * first (a change report written over the new schedule), or the input would be lost (a schedule written over the
     * event it was solved from). Two outputs to standard output would run together into one unreadable stream.
     *
     * @param target an output ({@code -} or null for standard output)
     * @param other another output, or an input file
     * @param otherName how messages name {@code other} ("--changes", "the EVENT file")
     * @throws InputException when both are one file, or both standard output
     */
    public static void checkApart(String option, String target, String otherName, String other) throws IOException {
        boolean toStdout = target == null || target.equals("-");
        boolean otherToStdout = other == null || other.equals("-");
        if (toStdout || otherToStdout) {
            if (toStdout && otherToStdout) {
                throw new InputException(option + " and " + otherName + " both go to standard output; expected a file"
                        + " for at least one of them.");
            }
            return;
        }
        Path a = Path.of(target).toAbsolutePath().normalize();
        Path b = Path.of(other).toAbsolutePath().normalize();
        if (a.equals(b) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b)) {
            throw new InputException(option + " " + target + " is the same file as " + otherName + " (" + other
                    + "); expected a different file.");
        }
    }

    /**
     * A new, empty file beside {@code path}, created with the permissions any new file of the user gets (the umask),
     * not the owner-only ones of {@link Files#createTempFile}: a schedule is there to be read by others.
     */
    private static Path createBeside(Path path) throws IOException {
        while (true) {
            Path temp = path.resolveSibling("." + path.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** A file that is replaced keeps who may read it. */
    private static void keepPermissions(Path path, Path temp) throws IOException {
        if (Files.exists(path)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(path));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the new file has the default permissions
            }
        }
    }
}
