package org.b2g.core.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.b2g.core.io.InputException;

/**
 * Writes {@link SheetData} as an {@code .xlsx} workbook (typed cells: dates, times and numbers stay sortable and
 * filterable; a bold, frozen header row with filters) or as CSV the way Excel reads it (UTF-8 with a byte-order
 * mark, so Vietnamese shows right; CRLF; {@code ,} unless a {@link CsvSeparator} says otherwise). Workbooks are
 * streamed, so large schedules need little memory.
 */
final class Workbooks {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int WIDTH_SAMPLE = 200;

    private Workbooks() {
    }

    /** The most characters an Excel cell holds. */
    static final int MAX_CELL_TEXT = 32_767;

    static void writeXlsx(List<SheetData> sheets, OutputStream out) throws IOException {
        checkFitsInCells(sheets);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            for (SheetData data : sheets) {
                SXSSFSheet sheet = workbook.createSheet(data.name());
                SXSSFRow header = sheet.createRow(0);
                for (int c = 0; c < data.headers().size(); c++) {
                    SXSSFCell cell = header.createCell(c);
                    cell.setCellValue(data.headers().get(c));
                    cell.setCellStyle(styles.header);
                    sheet.setColumnWidth(c, width(data, c) * 256);
                }
                int r = 1;
                for (List<Object> values : data.rows()) {
                    SXSSFRow row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        write(row, c, values.get(c), styles);
                    }
                }
                sheet.createFreezePane(0, 1);
                if (!data.headers().isEmpty()) {
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, data.headers().size() - 1));
                }
                choices(sheet, data);
            }
            workbook.write(out);
        }
    }

    /**
     * Refuses, before anything is written, a text longer than a cell holds (a description pasted five times, a
     * generated name): Excel cannot show it, and the library would stop halfway with a bare exception.
     *
     * @throws InputException naming the sheet, the row as Excel numbers it, the column and the length
     */
    private static void checkFitsInCells(List<SheetData> sheets) {
        for (SheetData data : sheets) {
            for (int r = 0; r < data.rows().size(); r++) {
                List<Object> values = data.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) instanceof String text && text.length() > MAX_CELL_TEXT) {
                        throw new InputException(data.name() + " row " + (r + 2) + ", column \""
                                + (c < data.headers().size() ? data.headers().get(c) : String.valueOf(c + 1))
                                + "\": the text has " + String.format(Locale.ROOT, "%,d", text.length())
                                + " characters (it starts " + Text.quoted(text.substring(0, 40).strip() + "...")
                                + "); expected at most 32,767, what a workbook cell holds (CSV has no such limit).");
                    }
                }
            }
        }
    }

    private static void write(SXSSFRow row, int column, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        SXSSFCell cell = row.createCell(column);
        switch (value) {
            case String text -> cell.setCellValue(text);
            case Number number -> cell.setCellValue(number.doubleValue());
            case LocalDate date -> {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
            }
            case LocalTime time -> {
                cell.setCellValue(time.toSecondOfDay() / 86_400.0);
                cell.setCellStyle(styles.time);
            }
            case LocalDateTime time -> {
                cell.setCellValue(time);
                cell.setCellStyle(styles.dateTime);
            }
            default -> cell.setCellValue(value.toString());
        }
    }

    /** Drop-down lists on the data rows of the columns that have choices. */
    private static void choices(SXSSFSheet sheet, SheetData data) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (Map.Entry<String, List<String>> entry : data.choices().entrySet()) {
            int column = data.headers().indexOf(entry.getKey());
            if (column < 0) {
                continue;
            }
            DataValidation validation = helper.createValidation(
                    helper.createExplicitListConstraint(entry.getValue().toArray(String[]::new)),
                    new CellRangeAddressList(1, 1000, column, column));
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(true);
            validation.createErrorBox("Not accepted", "Choose one of: " + String.join(", ", entry.getValue()));
            sheet.addValidationData(validation);
        }
    }

    /** Characters wide: the header or the longest of the first rows, within 8..60. */
    private static int width(SheetData data, int column) {
        int width = data.headers().get(column).length() + 2;
        for (int r = 0; r < Math.min(WIDTH_SAMPLE, data.rows().size()); r++) {
            List<Object> row = data.rows().get(r);
            if (column < row.size() && row.get(column) != null) {
                width = Math.max(width, text(row.get(column)).length() + 1);
            }
        }
        return Math.max(8, Math.min(60, width));
    }

    /** One sheet as CSV, with a byte-order mark so that Excel reads it as UTF-8. */
    static void writeCsv(SheetData data, Writer out) throws IOException {
        writeCsv(data, out, false, CsvSeparator.COMMA);
    }

    /**
     * @param defused whether text that Excel would run as a formula ({@code =HYPERLINK(...)} typed as a company's
     *        name in a registration form) gets a leading apostrophe: for lists people open in Excel, not for files
     *        this engine reads back
     */
    static void writeCsv(SheetData data, Writer out, boolean defused, CsvSeparator separator) throws IOException {
        try (CSVPrinter printer = separator.printer(out)) {
            printer.printRecord(data.headers());
            for (List<Object> values : data.rows()) {
                List<String> cells = new ArrayList<>(values.size());
                for (Object value : values) {
                    String text = value == null ? "" : value instanceof Double d
                            ? text(d).replace('.', separator.decimalMark()) : text(value);
                    cells.add(defused && value instanceof String ? ExcelText.defused(text) : text);
                }
                printer.printRecord(cells);
            }
        }
    }

    static String text(Object value) {
        return switch (value) {
            case LocalTime time -> String.format("%02d:%02d", time.getHour(), time.getMinute());
            case LocalDateTime time -> time.format(DATE_TIME);
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle time;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("hh:mm"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }
}
