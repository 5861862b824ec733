package org.b2g.core.sheets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalid(bytes, start);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new InputException(where + ": is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " on line " + line + ")" + guess(bytes)
                    + "; expected UTF-8 (in Excel: Save As, \"CSV UTF-8\").", e);
        }
    }

    private static int firstInvalid(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Which legacy encoding the bytes look like, when that can be told; empty when not. */
    static String guess(byte[] bytes) {
        int zeros = 0;
        for (byte b : bytes) {
            zeros += b == 0 ? 1 : 0;
        }
        if (zeros > bytes.length / 4) {
            return "; it looks like UTF-16 without a byte-order mark";
        }
        if (Charset.isSupported("windows-1258")) {
            String vietnamese = new String(bytes, Charset.forName("windows-1258"));
            if (vietnamese.chars().anyMatch(c -> "ơƠưƯđĐăĂ\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0)) {
                return "; it looks like Windows-1258 (Vietnamese), as older Excel saves \"CSV\"";
            }
        }
        return "; it looks like Windows-1252 or another 8-bit encoding";
    }
}
