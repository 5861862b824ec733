package org.b2g.core.sheets;

import java.util.List;

/**
 * A workbook or a folder of CSV files as read: its visible sheets in order, and the names of the hidden sheets
 * that were passed over (reported as a warning).
 *
 * @param source the file or folder, for messages
 */
record Book(String source, List<Grid> sheets, List<String> hidden) {

    Book {
        sheets = List.copyOf(sheets);
        hidden = List.copyOf(hidden);
    }
}
