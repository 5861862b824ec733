package org.b2g.core.sheets;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.b2g.core.io.InputException;

/**
 * A folder of CSV files that appears whole or not at all. The files are written into a hidden sibling folder, which
 * is then renamed into place; an earlier export at that place is set aside first and deleted only once the new one
 * stands, so a failure at any point leaves either the earlier export or nothing, never a mix. A folder that holds
 * anything but the files of an export (an event's own CSV files, say) is refused rather than replaced.
 */
final class CsvFolder {

    /** Writes the files into a folder that exists and is empty. */
    @FunctionalInterface
    interface Content {
        void writeInto(Path folder) throws IOException;
    }

    /** What a file manager leaves in a folder it showed (Finder, Explorer): not worth refusing an export for. */
    private static final Set<String> LITTER = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    private CsvFolder() {
    }

    /**
     * Writes {@code content} as the folder {@code target}, in a folder that exists.
     *
     * @param names the file names the content writes; an existing folder holding anything else is refused
     * @throws InputException when {@code target} is a file, a folder holding other files, or in a folder that does
     *         not exist
     */
    static void write(Path target, Set<String> names, Content content) throws IOException {
        Path folder = target.toAbsolutePath();
        if (Files.exists(folder)) {
            folder = folder.toRealPath(); // a link names the folder to replace, not itself
            if (!Files.isDirectory(folder)) {
                throw new InputException(target + " is a file; expected a folder to write the CSV files into.");
            }
            List<String> others = others(folder, names);
            if (!others.isEmpty()) {
                throw new InputException(target + " holds other files (" + String.join(", ", others) + "); expected"
                        + " a new or empty folder, or an earlier export (" + String.join(", ", new TreeSet<>(names))
                        + "), which is replaced whole.");
            }
        }
        if (!Files.isDirectory(folder.getParent())) {
            throw new InputException(target + ": the folder " + folder.getParent() + " does not exist.");
        }
        Path fresh = sibling(folder, "tmp");
        Files.createDirectory(fresh);
        boolean done = false;
        try {
            content.writeInto(fresh);
            if (Files.isDirectory(folder)) {
                copyPermissions(folder, fresh);
                replace(folder, fresh);
            } else {
                move(fresh, folder);
            }
            done = true;
        } finally {
            if (!done) {
                deleteTree(fresh);
            }
        }
    }

    /** Swaps {@code fresh} in for the existing {@code folder}, putting the old one back if the swap fails. */
    private static void replace(Path folder, Path fresh) throws IOException {
        Path old = sibling(folder, "old");
        move(folder, old);
        try {
            move(fresh, folder);
        } catch (IOException | RuntimeException e) {
            try {
                move(old, folder);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteTree(old);
    }

    /** The entries of {@code folder} that an export does not write, sorted. */
    private static List<String> others(Path folder, Set<String> names) throws IOException {
        List<String> others = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.forEach(p -> {
                String name = p.getFileName().toString();
                if (!(names.contains(name) || LITTER.contains(name)) || !Files.isRegularFile(p)) {
                    others.add(name);
                }
            });
        }
        others.sort(null);
        return others.size() > 5 ? List.of(String.join(", ", others.subList(0, 5)), "...") : others;
    }

    private static Path sibling(Path folder, String suffix) {
        while (true) {
            Path path = folder.resolveSibling("." + folder.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "." + suffix);
            if (!Files.exists(path)) {
                return path;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** An export that replaces another keeps who may read it. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the new folder has the default permissions
        }
    }

    /** Deletes what it can of {@code folder}: what is left is a hidden sibling, never the export itself. */
    private static void deleteTree(Path folder) {
        try {
            deleteTreeOrFail(folder);
        } catch (IOException e) {
            // a leftover hidden folder; the export itself is complete
        }
    }

    private static void deleteTreeOrFail(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException ignored) {
                    // something else wrote into it meanwhile: leave it
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
