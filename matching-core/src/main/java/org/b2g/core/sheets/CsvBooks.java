package org.b2g.core.sheets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        for (Path file : files) {
            sheets.add(readFile(file));
        }
        return new Book(folder.toString(), sheets, List.of(), false, false);
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
        return parse(decode(bytes, fileName), name, fileName);
    }

    /** @param where how messages name the file ("participants.csv") */
    static Grid parse(String text, String name, String where) {
        char separator = separator(text);
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
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new InputException(where + ": is not well-formed CSV (" + message.lines().findFirst().orElse("")
                    + "); expected every quoted field to end with a quote.", e);
        }
        return new Grid(name, where, lines);
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
