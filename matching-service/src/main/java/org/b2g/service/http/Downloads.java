package org.b2g.service.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.b2g.core.sheets.CsvSeparator;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.ExcelText;
import org.b2g.service.PersonalLinks;

/**
 * What a resource sends as a spreadsheet: JSON stays the default, an {@code Accept} of the {@code .xlsx} media type
 * or {@code text/csv} picks a workbook or CSV (with a byte-order mark, so that Excel reads it as UTF-8; {@code ,} or
 * the {@code separator} the query gives; text Excel would run as a formula made plain, {@link ExcelText}), sent as an
 * attachment named after the event.
 */
final class Downloads {

    /** What the client asked for. */
    enum Kind { JSON, XLSX, CSV }

    static final String CSV_TYPE = "text/csv";
    private static final MediaType XLSX = MediaTypes.create(EventSheets.XLSX_MEDIA_TYPE);
    private static final MediaType CSV = MediaTypes.create(CSV_TYPE);

    private Downloads() {
    }

    /** The best of JSON, xlsx and CSV by {@code Accept}; JSON without one, on a tie and for anything else. */
    static Kind wanted(ServerRequest req) {
        MediaType best = req.headers().bestAccepted(MediaTypes.APPLICATION_JSON, XLSX, CSV)
                .orElse(MediaTypes.APPLICATION_JSON);
        if (best.equals(XLSX)) {
            return Kind.XLSX;
        }
        return best.equals(CSV) ? Kind.CSV : Kind.JSON;
    }

    /**
     * The {@code separator} query parameter ({@link CsvSeparator}; {@code ,} without it). 400 when it is none, and
     * when the answer is no CSV: a workbook or JSON has no separator, and a choice silently ignored would puzzle.
     */
    static CsvSeparator separator(ServerRequest req, Kind kind) {
        if (!req.query().contains("separator")) {
            return CsvSeparator.COMMA;
        }
        String text = req.query().get("separator");
        CsvSeparator separator = CsvSeparator.parse(text, "separator"); // InputException: 400
        if (kind != Kind.CSV) {
            throw ApiException.badRequest("The separator (" + text + ") is for CSV, and this answer is "
                    + (kind == Kind.XLSX ? "a workbook" : "JSON") + "; expected it with Accept: text/csv, or no"
                    + " separator.");
        }
        return separator;
    }

    /** Sends {@code bytes} as an attachment {@code <event>-<what>.xlsx|csv}. */
    static void send(ServerResponse res, Kind kind, String eventId, String what, byte[] bytes) {
        String extension = kind == Kind.XLSX ? "xlsx" : "csv";
        res.header(HeaderNames.CONTENT_TYPE, kind == Kind.XLSX ? EventSheets.XLSX_MEDIA_TYPE
                : CSV_TYPE + "; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, disposition(eventId + "-" + what + "." + extension));
        res.send(bytes);
    }

    /**
     * An attachment header with an ASCII-only {@code filename} for every client and the exact name as
     * {@code filename*} (RFC 6266), since event ids may hold Vietnamese letters, quotes or slashes.
     */
    static String disposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PersonalLinks.encode(fileName);
    }

    /** One sheet of text cells, as a workbook ({@code sheetName}) or CSV separated by {@code separator}. */
    static byte[] table(Kind kind, CsvSeparator separator, String sheetName, List<String> headers,
            List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (kind == Kind.XLSX) {
                try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
                    SXSSFSheet sheet = book.createSheet(sheetName);
                    CellStyle bold = book.createCellStyle();
                    Font font = book.createFont();
                    font.setBold(true);
                    bold.setFont(font);
                    Row head = sheet.createRow(0);
                    for (int c = 0; c < headers.size(); c++) {
                        head.createCell(c).setCellValue(headers.get(c));
                        head.getCell(c).setCellStyle(bold);
                    }
                    sheet.createFreezePane(0, 1);
                    for (int r = 0; r < rows.size(); r++) {
                        Row row = sheet.createRow(r + 1);
                        List<String> values = rows.get(r);
                        for (int c = 0; c < values.size(); c++) {
                            if (values.get(c) != null && !values.get(c).isEmpty()) {
                                row.createCell(c).setCellValue(values.get(c));
                            }
                        }
                    }
                    widths(sheet, headers, rows);
                    book.write(out);
                }
            } else {
                try (Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    try (CSVPrinter printer = separator.printer(text)) {
                        printer.printRecord(headers);
                        for (List<String> row : rows) {
                            printer.printRecord(row.stream().map(v -> v == null ? "" : ExcelText.defused(v)).toList());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the " + sheetName + " sheet failed", e);
        }
        return out.toByteArray();
    }

    /** Column widths from the first rows' text, between 8 and 80 characters (links are long). */
    private static void widths(Sheet sheet, List<String> headers, List<List<String>> rows) {
        for (int c = 0; c < headers.size(); c++) {
            int width = headers.get(c).length();
            for (int r = 0; r < Math.min(200, rows.size()); r++) {
                String value = c < rows.get(r).size() ? rows.get(r).get(c) : null;
                width = Math.max(width, value == null ? 0 : value.length());
            }
            sheet.setColumnWidth(c, Math.max(8, Math.min(80, width + 2)) * 256);
        }
    }
}
