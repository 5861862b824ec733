package org.b2g.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes people's tools write as text, decoded: UTF-8 with or without the byte-order mark Notepad and Excel put in
 * front, or UTF-16 with its byte-order mark (what Windows PowerShell's {@code >} and Excel's "Unicode Text" write),
 * which its mark names beyond doubt. Anything else is refused with the first byte that is not UTF-8, its line and
 * the encoding the bytes look like, since a legacy encoding read as UTF-8 would garble every Vietnamese name.
 */
public final class TextBytes {

    private TextBytes() {
    }

    /**
     * @param where how messages name the source ("participants.csv", "event.json")
     * @param advice how to save the file as UTF-8, worded for the tool that most likely wrote it
     * @return the text, without a byte-order mark
     * @throws InputException when the bytes are neither
     */
    public static String decode(byte[] bytes, String where, String advice) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            // Guessing its encoding ("looks like Windows-1258") would send the reader after the wrong mistake
            throw new InputException(where + ": is a zip archive, such as an .xlsx workbook under another name, not"
                    + " text; expected UTF-8 text (a workbook becomes an event with ./b2g import WORKBOOK.xlsx --out"
                    + " event.json).");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            String text = new String(bytes, StandardCharsets.UTF_16);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = decoder().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(bytes, firstInvalid(bytes, start), where, advice, e);
        }
        if (looksLikeUtf16(bytes)) {
            // Text of ASCII characters only, in UTF-16 without a mark, is valid UTF-8 with a zero byte in every pair
            throw notUtf8(bytes, text.indexOf('\u0000') + start, where, advice, null);
        }
        return text;
    }

    private static InputException notUtf8(byte[] bytes, int offset, String where, String advice, Exception cause) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return new InputException(where + ": is not UTF-8 text (byte 0x" + String.format("%02X", bytes[offset] & 0xFF)
                + " on line " + line + ")" + guess(bytes) + "; expected UTF-8 (" + advice + ").", cause);
    }

    /** Zero bytes, which no text of ours holds, in more than a quarter of the places: UTF-16 of mostly ASCII. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int zeros = 0;
        for (byte b : bytes) {
            zeros += b == 0 ? 1 : 0;
        }
        return zeros > 0 && zeros > bytes.length / 4;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstInvalid(byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        decoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Which legacy encoding the bytes look like, when that can be told; empty when not. */
    static String guess(byte[] bytes) {
        if (looksLikeUtf16(bytes)) {
            return "; it looks like UTF-16 without a byte-order mark";
        }
        if (Charset.isSupported("windows-1258")) {
            String vietnamese = new String(bytes, Charset.forName("windows-1258"));
            if (vietnamese.chars().anyMatch(c -> "ơƠưƯđĐăĂ\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0)) {
                return "; it looks like Windows-1258 (Vietnamese), as older Windows tools save text";
            }
        }
        return "; it looks like Windows-1252 or another 8-bit encoding";
    }
}
