package org.b2g.core.sheets;

import java.util.List;

/**
 * A workbook or a folder of CSV files as read: its visible sheets in order, and the names of the hidden sheets
 * that were passed over (reported as a warning).
 *
 * @param source the file or folder, for messages
 * @param excelDates whether a number in a date or time column is Excel's serial date or time: true for a workbook,
 *        whose cells keep Excel's numbers, false for CSV
 * @param date1904 whether those serial dates count from 1904 (a workbook made on an old Mac) rather than 1900
 */
record Book(String source, List<Grid> sheets, List<String> hidden, boolean excelDates, boolean date1904) {

    Book {
        sheets = List.copyOf(sheets);
        hidden = List.copyOf(hidden);
    }
}
