package org.b2g.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.b2g.core.domain.Event;

/**
 * Reads an event from the file a user names on the command line or uploads: {@code .json} ({@code b2g-event/1})
 * or {@code .dzn} (the B2B benchmark), chosen by extension. One place, so that every verb accepts the same inputs.
 */
public final class EventFiles {

    private EventFiles() {
    }

    /**
     * @param maxBreaksOverride a cap on breaks per participant that replaces the file's (or the .dzn default of 2);
     *        null keeps the file's
     */
    public static Event read(Path file, Integer maxBreaksOverride) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Event event;
        if (name.endsWith(".json")) {
            event = EventJson.read(file);
        } else if (name.endsWith(".dzn")) {
            event = DznReader.read(file);
        } else {
            boolean sheets = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".csv")
                    || Files.isDirectory(file);
            throw new InputException(file + ": unknown kind of input; expected a .json (" + EventJson.FORMAT
                    + ") or a .dzn (B2B benchmark) file" + (sheets ? "; a workbook or a folder of CSV files becomes one"
                    + " with ./b2g import " + file + " --out event.json" : "") + ".");
        }
        if (maxBreaksOverride != null) {
            if (maxBreaksOverride < 0) {
                throw new InputException("--max-breaks (" + maxBreaksOverride + ") is negative; expected 0 or more.");
            }
            event = event.withRules(event.rules().withMaxBreaks(maxBreaksOverride));
        }
        return event;
    }

    /**
     * The file's UTF-8 text, without the byte-order mark that Windows tools (Notepad, PowerShell, Excel) put in
     * front, or its UTF-16 text when a byte-order mark says so (Windows PowerShell's {@code >}); a missing,
     * unreadable or otherwise encoded file is bad input, not a crash.
     */
    public static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file.", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a folder; expected a file.", e);
            }
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        return TextBytes.decode(bytes, file.toString(), "save it as UTF-8; in PowerShell, Out-File -Encoding utf8");
    }
}
