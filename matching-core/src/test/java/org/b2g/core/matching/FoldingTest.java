package org.b2g.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void keysDropVietnameseDiacriticsAndTheStrokeOfD() {
        assertEquals("giao thong", Folding.strip(Folding.fold("Giao Thông")));
        assertEquals("do thi", Folding.strip(Folding.fold("ĐÔ THỊ")));
        assertEquals("D", Folding.strip("Đ"));
    }

    @Test
    void russianYoFoldsToYeButShortIStaysALetter() {
        assertEquals("учет", Folding.strip(Folding.fold("Учёт")));
        assertEquals("район", Folding.strip(Folding.fold("РАЙОН")));
        assertEquals("район", Folding.strip(Normalizer.normalize("район", Normalizer.Form.NFD)));
    }
}
