package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RevalidationTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tagIsQuotedAndFollowsEveryByteOfEveryPart() {
        String tag = Revalidation.tag(bytes("{\"stale\":false}"));
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        assertEquals(tag, Revalidation.tag(bytes("{\"stale\":false}")));
        assertNotEquals(tag, Revalidation.tag(bytes("{\"stale\":true}")));
        assertNotEquals(Revalidation.tag(bytes("ab"), bytes("c")), Revalidation.tag(bytes("a"), bytes("bc")),
                "moving bytes from one part to the other is a different answer");
        assertNotEquals(Revalidation.tag(bytes("abc")), Revalidation.tag(bytes("abc"), bytes("")));
    }

    @Test
    void ifNoneMatchNamesTheTagInAListWeaklyOrWithAStar() {
        String tag = "\"abc\"";
        assertTrue(Revalidation.matches("\"abc\"", tag));
        assertTrue(Revalidation.matches("\"x\", \"abc\"", tag));
        assertTrue(Revalidation.matches("\"x\",W/\"abc\"", tag));
        assertTrue(Revalidation.matches(" * ", tag));
    }

    @Test
    void anythingElseMatchesNothing() {
        String tag = "\"abc\"";
        assertFalse(Revalidation.matches(null, tag));
        assertFalse(Revalidation.matches("", tag));
        assertFalse(Revalidation.matches("abc", tag));
        assertFalse(Revalidation.matches("\"ABC\"", tag));
        assertFalse(Revalidation.matches("w/\"abc\"", tag));
        assertFalse(Revalidation.matches("\"abc", tag));
    }
}
