package org.b2g.core.sheets;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import org.b2g.core.io.InputException;

/**
 * Imports an event from a spreadsheet: an {@code .xlsx} workbook or a folder of CSV files, one per sheet (layout in
 * {@code docs/spreadsheets.md}). An import is exactly a {@code b2g-event/1} document, checked by the same reader as
 * a JSON file; bad input is rejected as a whole with every problem found, one line each.
 */
public final class EventSheets {

    /** The media type of {@code .xlsx} workbooks. */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private EventSheets() {
    }

    /**
     * @param input an {@code .xlsx} file or a folder of {@code .csv} files
     * @throws InputException listing every problem (up to 50) when the input is not a valid event
     */
    public static Imported read(Path input) {
        if (Files.isDirectory(input)) {
            return new EventImport(CsvBooks.readFolder(input)).run();
        }
        String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return new EventImport(XlsxBooks.read(input)).run();
        }
        if (!Files.exists(input)) {
            throw new InputException(input + ": no such file or folder.");
        }
        if (name.endsWith(".xls") || name.endsWith(".ods")) {
            // read to say what it is (an old .xls, a password, an OpenDocument file), or read it if it is an .xlsx
            return new EventImport(XlsxBooks.read(input)).run();
        }
        if (name.endsWith(".csv")) {
            throw new InputException(input + ": is one CSV file, which holds one sheet; expected a folder of .csv"
                    + " files, one per sheet (event.csv, participants.csv, ...), or an .xlsx workbook.");
        }
        throw new InputException(input + ": unknown kind of spreadsheet; expected an .xlsx workbook or a folder of"
                + " .csv files (one per sheet: event.csv, participants.csv, ...).");
    }

    /** Imports an {@code .xlsx} workbook held in memory, e.g. an upload. */
    public static Imported readXlsx(byte[] workbook, String source) {
        return new EventImport(XlsxBooks.read(workbook, source)).run();
    }

    /** Pretty-printed JSON text of an imported document, ending with a newline. */
    public static String json(JsonObject document) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(document);
        }
        return text.toString().strip() + "\n";
    }
}
