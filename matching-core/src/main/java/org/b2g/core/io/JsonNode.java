package org.b2g.core.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A JSON value together with where it came from (file and JSON path), so that every complaint about it can name
 * the file, the field and the value in one line. A missing field and an explicit {@code null} are the same: absent.
 */
record JsonNode(JsonValue value, String path, String source) {

    private static final int SHOWN_VALUE_LENGTH = 40;
    /** Digits of the largest int (2147483647); a whole number with more is out of any int range. */
    private static final int MAX_INT_DIGITS = 10;

    static JsonNode root(JsonValue value, String source) {
        return new JsonNode(value, "", source);
    }

    boolean present() {
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** The member {@code name} of this object (absent when this node is absent). */
    JsonNode get(String name) {
        JsonValue member = present() ? object().get(name) : null;
        return new JsonNode(member, path.isEmpty() ? name : path + "." + name, source);
    }

    JsonObject object() {
        require("an object");
        if (value instanceof JsonObject object) {
            return object;
        }
        throw wrongType("an object");
    }

    /** The items of a required array. */
    List<JsonNode> items() {
        require("an array");
        if (!(value instanceof JsonArray array)) {
            throw wrongType("an array");
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(new JsonNode(array.get(i), path + "[" + i + "]", source));
        }
        return items;
    }

    /** The items of an optional array; empty when absent. */
    List<JsonNode> itemsOrEmpty() {
        return present() ? items() : List.of();
    }

    boolean isArray() {
        return value instanceof JsonArray;
    }

    boolean isNumber() {
        return value instanceof JsonNumber;
    }

    boolean isObject() {
        return value instanceof JsonObject;
    }

    boolean isString() {
        return value instanceof JsonString;
    }

    /** A required, non-blank string. */
    String string() {
        require("a string");
        if (!(value instanceof JsonString string)) {
            throw wrongType("a string");
        }
        String text = string.getString();
        if (text.isBlank()) {
            throw fail(" is empty; expected a non-empty string");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) : !Character.isLowSurrogate(c) || i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired) {
                // "\ud83d" alone (an emoji cut in half by a tool) would be written back as "?": an id would change
                throw fail(" holds \\u" + String.format("%04x", (int) c) + " at character " + (i + 1) + ", half of a"
                        + " character (a surrogate without its pair); expected Unicode text");
            }
        }
        return text;
    }

    String stringOr(String fallback) {
        return present() ? string() : fallback;
    }

    /** Any string, blank allowed; {@code fallback} when absent. */
    String textOr(String fallback) {
        if (!present()) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw wrongType("a string");
        }
        return string.getString();
    }

    /** A whole number in {@code min..max}. */
    int integer(int min, int max) {
        require("a whole number");
        if (!(value instanceof JsonNumber number)) {
            throw wrongType("a whole number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        // Judged by its digits before any conversion: 1e100000000 would otherwise become a 100-million-digit integer.
        if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > MAX_INT_DIGITS) {
            boolean below = decimal.signum() < 0;
            throw fail(" (" + shown() + ") " + outside(below, min, max));
        }
        if (decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw fail(" (" + shown() + ") should be a whole number");
        }
        BigDecimal whole = decimal.setScale(0, java.math.RoundingMode.UNNECESSARY);
        boolean below = whole.compareTo(BigDecimal.valueOf(min)) < 0;
        if (below || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw fail(" (" + shown() + ") " + outside(below, min, max));
        }
        return whole.intValueExact();
    }

    int integerOr(int fallback, int min, int max) {
        return present() ? integer(min, max) : fallback;
    }

    double numberOr(double fallback, double min, double max) {
        if (!present()) {
            return fallback;
        }
        if (!(value instanceof JsonNumber number)) {
            throw wrongType("a number");
        }
        double d = number.doubleValue();
        if (!(d >= min && d <= max)) {
            throw fail(" (" + shown() + ") is outside " + min + ".." + max);
        }
        return d;
    }

    /** The value as written in the file, shortened to fit in a one-line message. */
    String shown() {
        if (!present()) {
            return "null";
        }
        String text = value.toString();
        return text.length() <= SHOWN_VALUE_LENGTH ? text : text.substring(0, SHOWN_VALUE_LENGTH - 3) + "...";
    }

    /** An error about this node: {@code "source: path" + rest + "."}. */
    InputException fail(String rest) {
        return new InputException(source + ": " + (path.isEmpty() ? "the document" : path) + rest + ".");
    }

    private void require(String expected) {
        if (!present()) {
            throw fail(" is missing; expected " + expected);
        }
    }

    private InputException wrongType(String expected) {
        return fail(" (" + shown() + ") should be " + expected);
    }

    private static String outside(boolean below, int min, int max) {
        if (max != Integer.MAX_VALUE) {
            return "is outside " + min + ".." + max;
        }
        if (!below) {
            return "is too large; expected at most " + max;
        }
        return min == 0 ? "is negative; expected 0 or more" : "is below " + min + "; expected " + min + " or more";
    }
}
