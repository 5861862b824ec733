package org.b2g.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.b2g.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsANumberWithItsUnitOrIso8601() {
        assertEquals(Duration.ofMillis(500), Durations.parse("--time-limit", "500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("--time-limit", "30s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("--time-limit", "1.5s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("--time-limit", "2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("--time-limit", " 1H "));
        assertEquals(Duration.ofSeconds(30), Durations.parse("--time-limit", "PT30S"));
    }

    @Test
    void refusesABareNumberInsteadOfGuessingItsUnit() {
        InputException e = assertThrows(InputException.class, () -> Durations.parse("--time-limit", "30"));
        assertEquals("--time-limit (30) needs a unit; expected e.g. 30s, 2m, 500ms or PT30S.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999h", "1000.001h", "60000001m", "PT1000H0.001S", "PT99999999999999999999H",
            "P999999999999999D"})
    void saysATooLongDurationIsTooLongAndWhatRangeIsAccepted(String text) {
        InputException e = assertThrows(InputException.class, () -> Durations.parse("--time-limit", text));
        assertEquals("--time-limit (" + text + ") is too long; expected from 1ms to 1000h (41 days).",
                e.getMessage());
        assertEquals(Duration.ofHours(1000), Durations.parse("--time-limit", "1000h"));
        assertEquals(Duration.ofHours(1000), Durations.parse("--time-limit", "P41DT16H"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1s", "PT-5S", "soon", "", "1.5ms", "30 s"})
    void refusesWhatIsNotAPositiveDuration(String text) {
        assertThrows(InputException.class, () -> Durations.parse("timeLimit", text));
    }

    @Test
    void saysTextThatIsNoDurationIsNoneRatherThanNotPositive() {
        for (String text : new String[] {"1h1s", "30 s", "soon", "30sec"}) {
            InputException e = assertThrows(InputException.class, () -> Durations.parse("timeLimit", text));
            assertEquals("timeLimit (" + text + ") is not a duration (one number with one unit, or ISO-8601);"
                    + " expected e.g. 30s, 2m, 500ms or PT30S.", e.getMessage());
        }
        for (String text : new String[] {"0s", "-1s", "PT-5S"}) {
            InputException e = assertThrows(InputException.class, () -> Durations.parse("timeLimit", text));
            assertEquals("timeLimit (" + text + ") is not a positive duration; expected e.g. 30s, 2m, 500ms or PT30S.",
                    e.getMessage());
        }
    }
}
