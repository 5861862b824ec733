package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhrasesTest {

    private static Phrases.Piece piece(String key, String display, double contribution) {
        return new Phrases.Piece(key, display, contribution);
    }

    @Test
    void chainsOverlappingBigramsBackIntoTheirPhrase() {
        List<String> phrases = Phrases.join(List.of(
                piece("he", "hệ", 0.01), piece("thong", "thống", 0.01), piece("canh", "cảnh", 0.01),
                piece("he thong", "hệ thống", 0.1), piece("thong canh", "thống cảnh", 0.05),
                piece("canh bao", "cảnh báo", 0.2), piece("camera", "camera", 0.15)), 5);
        assertEquals(List.of("hệ thống cảnh báo", "camera"), phrases);
    }

    @Test
    void doesNotGlueTwoPhrasesThroughACommonWord() {
        List<String> phrases = Phrases.join(List.of(
                piece("electronic health", "electronic health", 0.3), piece("health records", "health records", 0.2),
                piece("ward health", "ward health", 0.1), piece("health stations", "health stations", 0.1)), 5);
        assertEquals(4, phrases.size());
        assertEquals("electronic health", phrases.get(0));
    }

    @Test
    void keepsTheStrongestWithinTheLimit() {
        List<String> phrases = Phrases.join(List.of(piece("a1", "a1", 0.1), piece("b2", "b2", 0.3),
                piece("c3", "c3", 0.2)), 2);
        assertEquals(List.of("b2", "c3"), phrases);
    }
}
