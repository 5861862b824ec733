package org.b2g.core.sheets;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.b2g.core.io.InputException;

/**
 * The character between the fields of the CSV this project writes. {@code ,} stays the default, which other tools
 * read; {@code ;} is for Excel in locales whose decimal mark is a comma (Vietnam, Russia), which splits a
 * double-clicked CSV at {@code ;} and shows a {@code ,} file with each row in one column. The import reads all three.
 */
public enum CsvSeparator {
    COMMA(',', "comma"),
    SEMICOLON(';', "semicolon"),
    TAB('\t', "tab");

    private final char character;
    private final String word;

    CsvSeparator(char character, String word) {
        this.character = character;
        this.word = word;
    }

    public char character() {
        return character;
    }

    /**
     * The decimal mark of the numbers written with this separator: a comma with {@code ;}, which is for Excel where the
     * decimal mark is a comma and which reads {@code 0.82} there as text (so it neither sums nor sorts as a number); a
     * point otherwise. The import reads both marks.
     */
    public char decimalMark() {
        return this == SEMICOLON ? ',' : '.';
    }

    /**
     * A printer of Excel's CSV (CRLF, quotes only where needed, so around fields holding this separator) into
     * {@code out}, after a byte-order mark so that Excel reads the file as UTF-8 and Vietnamese shows right.
     */
    public CSVPrinter printer(Writer out) throws IOException {
        out.write('\uFEFF');
        return new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(character).get());
    }

    /**
     * @param text the character itself, or its name in any case; {@code \t} as typed in a shell is a tab too
     * @param what where the text came from, for the message ({@code --separator}, {@code separator})
     * @throws InputException naming {@code what} and {@code text} when it is none of these
     */
    public static CsvSeparator parse(String text, String what) {
        for (CsvSeparator separator : values()) {
            if (text.equals(String.valueOf(separator.character))
                    || separator.word.equals(text.strip().toLowerCase(Locale.ROOT))
                    || separator == TAB && text.equals("\\t")) {
                return separator;
            }
        }
        throw new InputException(what + " (" + text + ") is not a separator; expected ',', ';' or tab (comma,"
                + " semicolon, tab).");
    }
}
