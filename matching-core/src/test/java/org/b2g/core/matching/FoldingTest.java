package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void keysDropVietnameseDiacriticsAndTheStrokeOfD() {
        assertEquals("giao thong", Folding.of("Giao Thông").key());
        assertEquals("do thi", Folding.of("ĐÔ THỊ").key());
        assertEquals("đô thị", Folding.of("ĐÔ THỊ").form());
        assertEquals("D", Folding.strip("Đ"));
    }

    @Test
    void decomposedTextFoldsLikeComposedText() {
        String nfd = Normalizer.normalize("Nông nghiệp", Normalizer.Form.NFD);
        assertEquals(Folding.of("nông nghiệp"), Folding.of(nfd));
    }

    @Test
    void russianYoFoldsToYeButShortIStaysALetter() {
        assertEquals("учет", Folding.of("Учёт").key());
        assertEquals("район", Folding.of("РАЙОН").key());
        assertEquals("район", Folding.strip(Normalizer.normalize("район", Normalizer.Form.NFD)));
    }

    @Test
    void onlyVietnameseDiacriticsMakeAFormAccented() {
        assertTrue(Folding.of("giao thông").accented());
        assertFalse(Folding.of("giao thong").accented());
        assertFalse(Folding.of("учёт").accented());
    }

    @Test
    void anAccentedFormMatchesItselfAndPlainFormsOnly() {
        Folding.Forms forms = new Folding.Forms();
        int ban = forms.id(Folding.of("bàn"));
        int sell = forms.id(Folding.of("bán"));
        int plain = forms.id(Folding.of("ban"));
        assertTrue(Folding.Forms.compatible(ban, forms.id(Folding.of("BÀN"))));
        assertTrue(Folding.Forms.compatible(ban, plain));
        assertFalse(Folding.Forms.compatible(ban, sell));
        assertEquals("bàn", forms.display(plain, ban));
    }
}
