package org.b2g.core.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.b2g.core.io.InputException;

/**
 * Reads an {@code .xlsx} workbook into text grids. Excel types its cells, so a number typed as {@code 2} arrives
 * as {@code 2.0} and a time as a fraction of a day: numbers are written back as people typed them ({@code 2},
 * {@code 0.2}), dates as {@code 2024-10-10}, times as {@code 08:30}, date-times as {@code 2024-10-10 13:30}.
 */
final class XlsxBooks {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * Excel's last day, 9999-12-31 (in the 1900 date system): a larger number in a date format is shown as ####, not
     * as a date, and is read as the number it is (a phone number typed into a column formatted as dates).
     */
    private static final int LAST_SERIAL_DAY = 2_958_465;
    /** How much smaller a day number is in the 1904 date system. */
    private static final int DAYS_1900_TO_1904 = 1_462;
    /** A number format that pads whole numbers with zeros ({@code 00000}), as ids and postal codes are kept. */
    private static final Pattern ZERO_PADDED = Pattern.compile("0{2,}");
    /** Library exception classes in front of a message ("org.apache...InvalidFormatException: "). */
    private static final Pattern CLASS_NAMES =
            Pattern.compile("^(?:(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): )+");

    private XlsxBooks() {
    }

    static Book read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file.", e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        return read(bytes, file.toString());
    }

    /** @param source the name used in messages (a file name, or "request body") */
    static Book read(byte[] bytes, String source) {
        checkSignature(bytes, source);
        try (InputStream in = new ByteArrayInputStream(bytes); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<Grid> sheets = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                Sheet sheet = workbook.getSheetAt(i);
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                    hidden.add(sheet.getSheetName());
                } else {
                    sheets.add(grid(sheet, workbook.isDate1904(), workbook));
                }
            }
            return new Book(source, sheets, hidden, true, workbook.isDate1904());
        } catch (IOException | RuntimeException e) {
            if (isStrict(bytes)) {
                throw new InputException(source + ": is saved as a Strict Open XML spreadsheet, which the import cannot"
                        + " read; expected an .xlsx workbook (in Excel: Save As, Excel Workbook rather than Strict Open"
                        + " XML Spreadsheet).", e);
            }
            throw new InputException(source + ": is not a readable .xlsx workbook (" + reason(e) + "); expected a"
                    + " workbook saved as .xlsx by Excel, LibreOffice or Google Sheets.", e);
        }
    }

    /** Whether the file is Excel's "Strict Open XML Spreadsheet", which POI does not read (bug 57699). */
    private static boolean isStrict(byte[] bytes) {
        try (OPCPackage pack = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            return pack.isStrictOoxmlFormat();
        } catch (IOException | RuntimeException | InvalidFormatException e) {
            return false;
        }
    }

    /**
     * Says what a file that is no {@code .xlsx} workbook is, in one line: an old binary {@code .xls}, a workbook with a
     * password (both are OLE2 files), an OpenDocument spreadsheet, a text file (a CSV file or a web page saved under
     * an {@code .xlsx} name), or anything else that is not a ZIP archive.
     */
    private static void checkSignature(byte[] bytes, String source) {
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0) {
            throw new InputException(source + ": " + oldOfficeFile(bytes) + ".");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            String start = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            if (start.contains("application/vnd.oasis.opendocument")) {
                throw new InputException(source + ": is an OpenDocument file (.ods, as LibreOffice saves by default),"
                        + " not an .xlsx workbook; expected .xlsx (in LibreOffice: File, Save As, Excel 2007-365).");
            }
            return;
        }
        if (bytes.length == 0) {
            throw new InputException(source + ": is not an .xlsx workbook (the file is empty); expected a workbook"
                    + " saved as .xlsx, or a folder of .csv files.");
        }
        String text = textStart(bytes);
        throw new InputException(source + ": is not an .xlsx workbook (" + (text == null ? "not a ZIP archive"
                : "it is text, starting " + Text.quoted(text)) + "); expected a workbook saved as .xlsx, or a folder"
                + " of .csv files, one per sheet.");
    }

    /** Which OLE2 file: an encrypted workbook holds an {@code EncryptedPackage}, an Excel 97-2003 one a workbook. */
    private static String oldOfficeFile(byte[] bytes) {
        String xls = "; expected an .xlsx workbook (in Excel: Save As, Excel Workbook)";
        try (POIFSFileSystem file = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = file.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return "is protected by a password, so it cannot be read; expected the workbook without a password (in"
                        + " Excel: File, Info, Protect Workbook, Encrypt with Password, and clear the password)";
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return "is an Excel 97-2003 workbook (.xls), not an .xlsx workbook" + xls;
            }
            return "is an old Office file (Excel 97-2003 or another program), not an .xlsx workbook" + xls;
        } catch (IOException | RuntimeException e) {
            return "is a damaged Excel 97-2003 (.xls) or password-protected workbook, not an .xlsx workbook; expected"
                    + " an .xlsx workbook without a password (in Excel: Save As, Excel Workbook)";
        }
    }

    /** The first line of a file that is text (UTF-8, no control characters but tab), or null when it is not. */
    private static String textStart(byte[] bytes) {
        int length = Math.min(bytes.length, 512);
        int start = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        String text = new String(bytes, start, length - start, StandardCharsets.UTF_8);
        if (length < bytes.length && !text.isEmpty()) {
            text = text.substring(0, text.length() - 1); // a character cut at the end
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                return null;
            }
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? null : line;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = CLASS_NAMES.matcher(message.lines().findFirst().orElse("").strip()).replaceFirst("");
        if (line.length() > 120) {
            line = line.substring(0, 117) + "...";
        }
        return "truncated or corrupt: " + line;
    }

    private static Grid grid(Sheet sheet, boolean date1904, XSSFWorkbook workbook) {
        boolean recalculate = workbook.getForceFormulaRecalculation();
        TreeMap<Integer, RowCells> rows = new TreeMap<>();
        Set<Integer> withContent = new HashSet<>();
        for (Row row : sheet) {
            RowCells read = new RowCells();
            short last = row.getLastCellNum();
            for (int c = 0; c < last; c++) {
                Cell cell = row.getCell(c);
                String uncomputed = computeFormula(cell, workbook, recalculate);
                String text = uncomputed != null ? uncomputed : text(cell, date1904);
                read.cells.add(text);
                if (uncomputed == null && isNumber(cell)) {
                    read.numbers.add(c);
                }
                if (uncomputed != null || isError(cell)) {
                    read.errors.add(c);
                }
            }
            rows.put(row.getRowNum() + 1, read);
            if (read.cells.stream().anyMatch(text -> !text.isEmpty())) {
                withContent.add(row.getRowNum() + 1);
            }
        }
        fillMergedDown(sheet, rows);
        List<Grid.Line> lines = new ArrayList<>();
        rows.forEach((number, read) -> {
            // a row that shows nothing but a merged cell reaching down from above is empty (a block merged longer
            // than the list it labels)
            if (withContent.contains(number)) {
                lines.add(new Grid.Line(number, read.cells, read.numbers, read.errors));
            }
        });
        return new Grid(sheet.getSheetName(), sheet.getSheetName(), lines);
    }

    /** One row's cells as read, before empty rows are dropped. */
    private static final class RowCells {
        final List<String> cells = new ArrayList<>();
        final Set<Integer> numbers = new HashSet<>();
        final Set<Integer> errors = new HashSet<>();
    }

    /**
     * A cell merged over several rows shows its value on each of them (an organizer merges "agency" over a block of
     * agencies, or one tag list over three startups), but Excel stores it in the top row only: the rows below get it
     * too, in the merged block's first column. A block merged across columns keeps its value in its first column.
     */
    private static void fillMergedDown(Sheet sheet, TreeMap<Integer, RowCells> rows) {
        for (CellRangeAddress block : sheet.getMergedRegions()) {
            RowCells top = rows.get(block.getFirstRow() + 1);
            int c = block.getFirstColumn();
            if (block.getLastRow() == block.getFirstRow() || top == null || c >= top.cells.size()
                    || top.cells.get(c).isEmpty()) {
                continue;
            }
            for (int r = block.getFirstRow() + 2; r <= block.getLastRow() + 1; r++) {
                RowCells below = rows.computeIfAbsent(r, n -> new RowCells());
                while (below.cells.size() <= c) {
                    below.cells.add("");
                }
                if (below.cells.get(c).isEmpty()) {
                    below.cells.set(c, top.cells.get(c));
                    if (top.numbers.contains(c)) {
                        below.numbers.add(c);
                    }
                    if (top.errors.contains(c)) {
                        below.errors.add(c);
                    }
                }
            }
        }
    }

    /** Whether the cell (or a formula's result) is an Excel error such as {@code #REF!} rather than a value. */
    private static boolean isError(Cell cell) {
        if (cell == null) {
            return false;
        }
        CellType type = cell.getCellType();
        return type == CellType.ERROR
                || type == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR;
    }

    /**
     * Excel and LibreOffice store a formula's result beside it, and that result is what the cell shows and what is
     * read. But files written by libraries often store the formula alone or with an empty result (openpyxl, a form
     * tool's export), or with 0 for every formula in a workbook marked to be recalculated when opened (XlsxWriter,
     * which pandas uses): such a formula is computed here.
     *
     * @param recalculate whether the workbook asks to be recalculated when opened, so a stored 0 may be no result
     * @return null when the cell is no formula or now holds its result; the formula ({@code =A1+1}) when it cannot
     *         be computed, so that the message shows what the cell holds
     */
    private static String computeFormula(Cell cell, XSSFWorkbook workbook, boolean recalculate) {
        if (!(cell instanceof XSSFCell xssf) || cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        boolean stored = xssf.getCTCell().isSetV() && !xssf.getCTCell().getV().isEmpty();
        boolean placeholder = recalculate && stored && cell.getCachedFormulaResultType() == CellType.NUMERIC
                && cell.getNumericCellValue() == 0;
        if (stored && !placeholder) {
            return null;
        }
        try {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            return null;
        } catch (RuntimeException e) {
            return "=" + cell.getCellFormula();
        }
    }

    /** Whether Excel typed the cell (or a formula's result) as a number, rather than as text holding digits. */
    private static boolean isNumber(Cell cell) {
        if (cell == null) {
            return false;
        }
        CellType type = cell.getCellType();
        return type == CellType.NUMERIC
                || type == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
    }

    static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> Text.clean(cell.getRichStringCellValue().getString());
            case NUMERIC -> number(cell, date1904);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    /** Excel's own word for an error code ({@code #REF!}), as the cell shows it. */
    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** Whether the cell's format shows a time only (h:mm, [h]:mm:ss), no day, month or year. */
    private static boolean timeOnly(Cell cell) {
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        if (format == null) {
            return false;
        }
        String shown = format.replaceAll("\"[^\"]*\"", "").toLowerCase(Locale.ROOT);
        return shown.contains("h") && !shown.contains("d") && !shown.contains("y");
    }

    private static String number(Cell cell, boolean date1904) {
        double value = cell.getNumericCellValue();
        int lastDay = date1904 ? LAST_SERIAL_DAY - DAYS_1900_TO_1904 : LAST_SERIAL_DAY;
        if (DateUtil.isCellDateFormatted(cell) && value >= 0 && value < lastDay + 1) {
            if (value == 1 && timeOnly(cell)) {
                return "24:00"; // "24:00" typed into a time cell: a whole day, not 1900-01-01
            }
            if (value < 1) {
                long minutes = Math.round(value * 24 * 60) % (24 * 60);
                return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
            }
            LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true)
                    .plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            if (value == Math.floor(value)) {
                return time.toLocalDate().toString();
            }
            return time.format(DATE_TIME);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        if (format != null && ZERO_PADDED.matcher(format).matches() && value >= 0 && value == Math.floor(value)
                && value < 1e15) {
            // an id such as 00123 kept as a number with the format 00000 shows, and is referred to, as 00123
            return String.format(Locale.ROOT, "%0" + format.length() + "d", (long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
