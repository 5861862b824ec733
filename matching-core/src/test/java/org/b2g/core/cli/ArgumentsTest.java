package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.b2g.core.io.InputException;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments solve(String... args) {
        return Arguments.parse("solve", List.of(args), Set.of("max-breaks", "seed"));
    }

    @Test
    void saysAWholeNumberTooLongForItsTypeIsOutsideTheRangeRatherThanNotAWholeNumber() {
        InputException breaks = assertThrows(InputException.class,
                () -> solve("e.json", "--max-breaks", "99999999999").intOption("max-breaks", 2, 0, Integer.MAX_VALUE));
        assertEquals("--max-breaks (99999999999) is outside 0..2147483647.", breaks.getMessage());
        InputException seed = assertThrows(InputException.class,
                () -> solve("e.json", "--seed", "99999999999999999999").longOption("seed", 0));
        assertEquals("--seed (99999999999999999999) is outside -9223372036854775808..9223372036854775807.",
                seed.getMessage());
        InputException word = assertThrows(InputException.class,
                () -> solve("e.json", "--seed", "x").longOption("seed", 0));
        assertEquals("--seed (x) is not a whole number.", word.getMessage());
    }
}
