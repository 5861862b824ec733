package org.b2g.core.sheets;

/**
 * Text for CSV files people open in Excel. Excel runs a cell that starts with {@code =}, {@code +}, {@code -} or
 * {@code @} as a formula, so a company registered as {@code =HYPERLINK(...)} in a form would run on the desk's
 * machine; a leading apostrophe makes it plain text there. Files this engine reads back are written as they are.
 */
public final class ExcelText {

    private ExcelText() {
    }

    /** {@code text}, with a leading apostrophe when Excel would open it as a formula (also after a tab or CR). */
    public static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
