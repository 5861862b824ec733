package org.b2g.core.sheets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.b2g.core.io.InputException;
import org.b2g.core.io.TextBytes;

/**
 * Reads a folder of CSV files, one per sheet, as Excel and form tools write them: UTF-8 with or without a byte-order
 * mark (UTF-16 with one, as Excel's "Unicode text" is, is accepted too), CRLF or LF, {@code ,} or {@code ;} or tab
 * as the separator (whichever the header row uses most, since Excel writes {@code ;} where the decimal mark is a
 * comma), fields quoted with separators, quotes and line breaks inside.
 */
final class CsvBooks {

    private CsvBooks() {
    }

    static Book readFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(folder + ": cannot be listed (" + e.getMessage() + ").", e);
        }
        if (files.isEmpty()) {
            throw new InputException(folder + ": holds no .csv file; expected one file per sheet, at least"
                    + " event.csv and participants.csv.");
        }
        List<Grid> sheets = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        List<InputException> unreadable = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".") || fileName.startsWith("~$")) {
                // macOS's ._participants.csv beside a copied file, Excel's ~$participants.csv while it has it open
                hidden.add(fileName);
                continue;
            }
            try {
                sheets.add(readFile(file));
            } catch (InputException e) {
                unreadable.add(e); // every file that cannot be read is said, not only the first
            }
        }
        if (unreadable.size() == 1) {
            throw unreadable.get(0);
        }
        if (!unreadable.isEmpty()) {
            Problems problems = new Problems();
            unreadable.forEach(e -> problems.error(e.getMessage()));
            throw problems.failure(folder.toString());
        }
        return new Book(folder.toString(), sheets, hidden, false, false);
    }

    static Grid readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".csv".length());
        checkNotAWorkbook(bytes, fileName);
        return parse(decode(bytes, fileName), name, fileName);
    }

    /**
     * A workbook saved or renamed as {@code .csv} (a download named wrongly, "Save As" with the name only changed) is
     * said to be one, rather than reported as text in an odd encoding.
     */
    private static void checkNotAWorkbook(byte[] bytes, String where) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole2 = bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
        if (zip || ole2) {
            throw new InputException(where + ": is " + (zip ? "a workbook (.xlsx or another ZIP archive)"
                    : "an Excel 97-2003 workbook (.xls)") + " with a .csv name, not CSV text; expected CSV text (in"
                    + " Excel: Save As, \"CSV UTF-8\"), or the workbook imported as an .xlsx file.");
        }
    }

    /** Excel's own first line naming the separator ({@code sep=;}), which Excel reads and does not show as a row. */
    private static final Pattern SEPARATOR_LINE =
            Pattern.compile("\\Asep=([,;\\t|])[ \\t]*(?:\\r\\n|\\r|\\n|\\z)");

    /** @param where how messages name the file ("participants.csv") */
    static Grid parse(String text, String name, String where) {
        Matcher named = SEPARATOR_LINE.matcher(text);
        if (named.lookingAt()) {
            return parse(text.substring(named.end()), named.group(1).charAt(0), name, where);
        }
        return parse(text, separator(text), name, where);
    }

    private static Grid parse(String text, char separator, String name, String where) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .get();
        List<Grid.Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                boolean empty = true;
                for (String value : record) {
                    String cell = Text.clean(value);
                    empty &= cell.isEmpty();
                    cells.add(cell);
                }
                if (!empty) {
                    lines.add(new Grid.Line((int) record.getRecordNumber(), cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InputException(malformed(e, where), e);
        }
        return new Grid(name, where, lines);
    }

    private static final Pattern START_LINE = Pattern.compile("(?:startline |at line: )(\\d+)");

    /** Commons CSV's complaint as the row it concerns and what to do, without the library's class names. */
    static String malformed(Exception e, String where) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        Matcher line = START_LINE.matcher(message);
        String row = line.find() ? " row " + line.group(1) : "";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return where + row + ": a field opened with a quote is not closed before the end of the file; expected"
                    + " every quoted field to end with a quote (a quote inside a field is written twice: \"\").";
        }
        if (message.toLowerCase(Locale.ROOT).contains("invalid char")) {
            return where + row + ": text follows the closing quote of a field; expected the separator right after"
                    + " it (a quote inside a field is written twice: \"\").";
        }
        return where + ": is not well-formed CSV (" + message + "); expected every quoted field to end with a quote.";
    }

    /** The separator the header row uses most, outside quotes: {@code ,}, {@code ;} or tab. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The text of a CSV file: UTF-8 (byte-order mark dropped), or UTF-16 with a byte-order mark. */
    static String decode(byte[] bytes, String where) {
        return TextBytes.decode(bytes, where, "in Excel: Save As, \"CSV UTF-8\"");
    }

}
