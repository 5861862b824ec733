package org.b2g.core.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a workbook the way an organizer's Excel saves it: typed cells (numbers, dates, times), blank rows, hidden
 * sheets. {@code row(n, values...)} writes at row n as Excel numbers rows (from 1); null leaves a cell empty.
 */
final class XlsxFixture {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle date;
    private final CellStyle time;
    private final CellStyle dateTime;
    private XSSFSheet sheet;

    XlsxFixture() {
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy h:mm"));
    }

    XlsxFixture sheet(String name) {
        sheet = workbook.createSheet(name);
        return this;
    }

    /** A formula cell saved without its result, as libraries (openpyxl, form tools) write them. */
    record Formula(String text) {
    }

    /** A formula cell saved with a result ({@code String} or {@code Number}), as Excel and XlsxWriter save them. */
    record CachedFormula(String text, Object result) {
    }

    /** A number shown with a number format, such as {@code 00000} for ids kept with leading zeros. */
    record Formatted(Number value, String format) {
    }

    /** Marks the workbook to be recalculated when opened, as XlsxWriter (pandas) and openpyxl save theirs. */
    XlsxFixture recalculatedOnOpening() {
        workbook.setForceFormulaRecalculation(true);
        return this;
    }

    /** Dates count from 1904, as in a workbook made by Excel for Mac before 2011. */
    XlsxFixture date1904() {
        var properties = workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
                : workbook.getCTWorkbook().addNewWorkbookPr();
        properties.setDate1904(true);
        return this;
    }

    /** Merges rows {@code firstRow..lastRow} and columns {@code firstColumn..lastColumn} (counted from 1). */
    XlsxFixture merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(firstRow - 1, lastRow - 1, firstColumn - 1,
                lastColumn - 1));
        return this;
    }

    XlsxFixture hidden() {
        workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
        return this;
    }

    XlsxFixture row(int number, Object... values) {
        Row row = sheet.createRow(number - 1);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            var cell = row.createCell(c);
            switch (value) {
                case String s -> cell.setCellValue(s);
                case Formula f -> cell.setCellFormula(f.text());
                case CachedFormula f -> {
                    cell.setCellFormula(f.text());
                    if (f.result() instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(f.result().toString());
                    }
                }
                case Formatted f -> {
                    CellStyle style = workbook.createCellStyle();
                    style.setDataFormat(workbook.createDataFormat().getFormat(f.format()));
                    cell.setCellValue(f.value().doubleValue());
                    cell.setCellStyle(style);
                }
                case Number n -> cell.setCellValue(n.doubleValue());
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                }
                case LocalTime t -> {
                    cell.setCellValue(t.toSecondOfDay() / 86_400.0);
                    cell.setCellStyle(time);
                }
                case LocalDateTime t -> {
                    cell.setCellValue(t);
                    cell.setCellStyle(dateTime);
                }
                default -> cell.setCellValue(value.toString());
            }
        }
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
