package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> keys(String text) {
        return Tokenizer.terms(text).stream().map(Term::key).toList();
    }

    private static List<String> forms(String text) {
        return Tokenizer.terms(text).stream().map(Term::form).toList();
    }

    @Test
    void foldsCaseAndKeepsDiacriticsInTheForm() {
        assertEquals(List.of("giao", "thông", "giao thông"), forms("GIAO THÔNG"));
        assertEquals(List.of("giao", "thong", "giao thong"), keys("Giao Thông"));
    }

    @Test
    void composedAndDecomposedTextGiveTheSameTerms() {
        String text = "Chuyển đổi số";
        assertEquals(forms(Normalizer.normalize(text, Normalizer.Form.NFC)),
                forms(Normalizer.normalize(text, Normalizer.Form.NFD)));
    }

    @Test
    void stripsTheStrokeOfDWhichIsNoCombiningMark() {
        assertEquals("dat dai", keys("Đất đai").get(2));
        assertEquals("đất đai", forms("Đất đai").get(2));
    }

    @Test
    void dropsVietnameseStopWordsWithAndWithoutDiacritics() {
        assertEquals(List.of("hồ", "sơ", "hồ sơ", "dân"), forms("hồ sơ của dân"));
        assertFalse(keys("quản lý của các phường").contains("cua"));
        assertFalse(keys("quan ly cua cac phuong").contains("cua"));
        assertFalse(keys("quan ly cua cac phuong").contains("cac"));
    }

    @Test
    void dropsEnglishAndRussianStopWordsAfterCaseFolding() {
        assertEquals(List.of("flood", "sensors", "flood sensors"), forms("The flood sensors"));
        assertEquals(List.of("датчики", "паводков"), forms("ДАТЧИКИ для ПАВОДКОВ"));
    }

    @Test
    void stopWordsAndPunctuationEndAPhrase() {
        assertFalse(keys("camera, traffic").contains("camera traffic"));
        assertFalse(keys("hệ thống của giao thông").contains("thong giao"));
        assertTrue(keys("hệ thống giao thông").contains("thong giao"));
    }

    @Test
    void keepsHyphenatedWordsWhole() {
        assertEquals(List.of("e-government", "portal", "e-government portal"), forms("E-Government portal"));
    }

    @Test
    void aLoneVietnameseSyllableWeighsLessThanAWord() {
        List<Term> terms = Tokenizer.terms("giao thông camera");
        assertEquals(1.0, terms.stream().filter(t -> t.key().equals("camera")).findFirst().orElseThrow().factor());
        assertEquals(Tokenizer.SYLLABLE,
                terms.stream().filter(t -> t.form().equals("thông")).findFirst().orElseThrow().factor());
    }
}
