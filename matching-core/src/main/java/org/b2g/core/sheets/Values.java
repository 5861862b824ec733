package org.b2g.core.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Role;

/**
 * Reads typed values out of cell text, as people type them in Excel or a form tool. Each method returns null for an
 * empty cell, and also (after recording an error that names the cell, its value and what is accepted) for a bad one.
 */
final class Values {

    /** Midnight after a date, as tools that export every date as a date and time write it ("2024-10-10 00:00:00"). */
    private static final String MIDNIGHT = "(?:[ T]0?0:00(?::00)?)?";
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})" + MIDNIGHT);
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + MIDNIGHT);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:hHgG](\\d{2})(?::(\\d{2}))?\\s*([aApP][mM])?");

    /** Excel's last day, 9999-12-31, in the 1900 date system. */
    private static final int LAST_SERIAL_DAY = 2_958_465;

    private final Problems problems;
    private final boolean excelDates;
    private final boolean date1904;

    /**
     * @param excelDates whether a plain number in a date or time column is Excel's serial date or time of day (in a
     *        workbook, a cell formatted as General or as a number, as scripts and form exports write them; a text
     *        cell holding the same digits is text)
     * @param date1904 whether serial dates count from 1904 rather than 1900
     */
    Values(Problems problems, boolean excelDates, boolean date1904) {
        this.problems = problems;
        this.excelDates = excelDates;
        this.date1904 = date1904;
    }

    /** A whole number in {@code min..max}; {@code 2}, {@code 2.0} and {@code 2,0} are all 2. */
    Integer integer(Cell cell, int min, int max) {
        if (cell.isEmpty()) {
            return null;
        }
        BigDecimal number = decimal(cell.value());
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            problems.bad(cell, "is not a whole number; expected " + range(min, max));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            // "0 or more" would not say why 99999999999 is refused: the bound is said when it is the one passed
            problems.bad(cell, "is outside the accepted values; expected " + (number.signum() > 0
                    && max == Integer.MAX_VALUE ? "a whole number from " + min + " to " + max : range(min, max)));
            return null;
        }
        return number.intValueExact();
    }

    /** A number in {@code min..max}; a decimal comma and a percentage ({@code 20%}) are understood. */
    Double number(Cell cell, double min, double max) {
        if (cell.isEmpty()) {
            return null;
        }
        String text = cell.value();
        boolean percent = text.endsWith("%");
        BigDecimal number = decimal(percent ? text.substring(0, text.length() - 1).strip() : text);
        if (number == null) {
            problems.bad(cell, "is not a number; expected a number from " + plain(min) + " to " + plain(max));
            return null;
        }
        double value = percent ? number.doubleValue() / 100 : number.doubleValue();
        if (!(value >= min && value <= max)) {
            problems.bad(cell, "is outside the accepted values; expected a number from " + plain(min) + " to "
                    + plain(max));
            return null;
        }
        return value;
    }

    private static BigDecimal decimal(String text) {
        String t = text.strip();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return "a whole number " + min + " or more";
        }
        return "a whole number from " + min + " to " + max;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * A date: {@code 2024-10-10} (or {@code 2024/10/10}), or day first as Vietnamese write it ({@code 10/10/2024},
     * {@code 10.10.2024}, {@code 10-10-2024}); a time of midnight after it ({@code 2024-10-10 00:00:00}, as exports
     * that write every date with a time give it) is allowed.
     */
    LocalDate date(Cell cell) {
        if (cell.isEmpty()) {
            return null;
        }
        LocalDate date = parseDate(cell.value());
        if (date == null && excelDates && cell.number()) {
            date = serialDate(cell.value());
        }
        if (date == null) {
            problems.bad(cell, "is not a date; expected YYYY-MM-DD such as 2024-10-10, or DD/MM/YYYY" + (!excelDates
                    ? "" : cell.number() ? ", or an Excel day number (45575 is 2024-10-10)"
                    : serialDate(cell.value()) != null ? " (the cell is text: an Excel day number such as 45575 counts"
                    + " only in a cell formatted as a number or a date)" : ""));
        }
        return date;
    }

    /** Excel's serial day number, whole, as a date cell formatted as a number shows: 45575 is 2024-10-10. */
    private LocalDate serialDate(String text) {
        BigDecimal number = decimal(text);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.signum() < (date1904 ? 0 : 1)
                || number.compareTo(BigDecimal.valueOf(LAST_SERIAL_DAY)) > 0) {
            return null;
        }
        LocalDateTime day = DateUtil.getLocalDateTime(number.doubleValue(), date1904);
        return day == null || day.getYear() > 9999 ? null : day.toLocalDate();
    }

    static LocalDate parseDate(String text) {
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(3)),
                        Integer.parseInt(iso.group(4)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(4)), Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * A time of day: {@code 08:30}, {@code 8:30}, {@code 08:30:00}, {@code 8h30}, {@code 8g30} (Vietnamese "giờ") or
     * {@code 1:30 PM}.
     */
    LocalTime time(Cell cell) {
        if (cell.isEmpty()) {
            return null;
        }
        LocalTime time = parseTime(cell.value());
        if (time == null && excelDates && cell.number()) {
            time = serialTime(cell.value());
        }
        if (time == null && endOfDay(cell)) {
            problems.bad(cell, "is the end of the day, which only an end may be; expected a start from 00:00 to 23:59");
        } else if (time == null) {
            problems.bad(cell, "is not a time of day; expected HH:MM such as 08:30" + (!excelDates
                    ? "" : cell.number() ? ", or an Excel fraction of a day from 0 to below 1 (0.5625 is 13:30)"
                    : serialTime(cell.value()) != null ? " (the cell is text: an Excel fraction of a day such as 0.5625"
                    + " counts only in a cell formatted as a number or a time)" : ""));
        }
        return time;
    }

    /**
     * A session's end, as {@code b2g-event/1} writes it ("HH:MM"): a time of day, or "24:00" for a session that ends at
     * midnight, which Excel keeps as the fraction 1 (typed into a time cell, it shows 24:00 as {@code [h]:mm}).
     */
    String endTime(Cell cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (endOfDay(cell)) {
            return END_OF_DAY_TEXT;
        }
        LocalTime time = parseTime(cell.value());
        if (time == null && excelDates && cell.number()) {
            time = serialTime(cell.value());
        }
        if (time == null) {
            problems.bad(cell, "is not a time of day; expected HH:MM such as 08:30, or 24:00 for a session that ends at"
                    + " midnight" + (!excelDates ? "" : cell.number() ? ", or an Excel fraction of a day from 0 to 1"
                    + " (0.5625 is 13:30, 1 is 24:00)" : serialTime(cell.value()) != null ? " (the cell is text: an"
                    + " Excel fraction of a day such as 0.5625 counts only in a cell formatted as a number or a time)"
                    : ""));
            return null;
        }
        return time.toString();
    }

    /** Midnight at the end of a day, as an end of a session or of a clock range. */
    static final String END_OF_DAY_TEXT = "24:00";
    private static final Pattern END_OF_DAY = Pattern.compile("24[:hHgG]00(?::00)?");

    /** "24:00" as text, or Excel's 1 (a whole day) in a cell read as a number. */
    private boolean endOfDay(Cell cell) {
        return isEndOfDay(cell.value()) || excelDates && cell.number() && decimal(cell.value()) != null
                && decimal(cell.value()).compareTo(BigDecimal.ONE) == 0;
    }

    /** "24:00" (also "24h00", "24:00:00"): the end of the day, which {@link #parseTime} refuses as a time of day. */
    static boolean isEndOfDay(String text) {
        return END_OF_DAY.matcher(text.strip()).matches();
    }

    /** Excel's time of day, a fraction of a day as a time cell formatted as a number shows: 0.5625 is 13:30. */
    private static LocalTime serialTime(String text) {
        BigDecimal number = decimal(text);
        if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.ONE) >= 0) {
            return null;
        }
        long minutes = Math.round(number.doubleValue() * 24 * 60);
        return minutes >= 24 * 60 ? null : LocalTime.of((int) (minutes / 60), (int) (minutes % 60));
    }

    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (m.group(4) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = m.group(4).toLowerCase(Locale.ROOT).equals("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /** A role in English or Vietnamese, any case, with or without diacritics. */
    Role role(Cell cell) {
        if (cell.isEmpty()) {
            problems.error(cell.place() + ": is empty; expected a role (startup, agency, company)");
            return null;
        }
        Role role = switch (Text.fold(cell.value())) {
            case "startup", "start-up", "khoi nghiep" -> Role.STARTUP;
            case "agency", "co quan", "co quan nha nuoc" -> Role.AGENCY;
            case "company", "doanh nghiep" -> Role.COMPANY;
            default -> null;
        };
        if (role == null) {
            problems.bad(cell, "is not a role (startup, agency, company)");
        }
        return role;
    }

    /**
     * A request's priority: {@code must}, {@code high} or {@code normal}, or in Vietnamese {@code bắt buộc},
     * {@code cao}, {@code bình thường}; any case, with or without diacritics; empty is normal.
     */
    Priority priority(Cell cell) {
        if (cell.isEmpty()) {
            return Priority.NORMAL;
        }
        String folded = Text.fold(cell.value());
        Priority priority = switch (folded) {
            case "bat buoc" -> Priority.MUST;
            case "cao" -> Priority.HIGH;
            case "binh thuong" -> Priority.NORMAL;
            default -> Priority.fromCode(folded);
        };
        if (priority == null) {
            problems.bad(cell, "is not a priority (must, high, normal)");
        }
        return priority;
    }
}
