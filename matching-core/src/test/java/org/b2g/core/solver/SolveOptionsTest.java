package org.b2g.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How much of the time limit is left for a solve once the event is read and its candidates chosen. */
class SolveOptionsTest {

    private static final SolveOptions TWENTY_SECONDS = new SolveOptions(Duration.ofSeconds(20), 7L, 0L,
            Duration.ofSeconds(5));

    @Test
    void aShortPreparationIsLeftToTheSolvesOwnReserve() {
        assertSame(TWENTY_SECONDS, TWENTY_SECONDS.afterPreparation(Duration.ZERO));
        assertSame(TWENTY_SECONDS, TWENTY_SECONDS.afterPreparation(SolveOptions.ABSORBED));
    }

    @Test
    void aLongerPreparationComesOffTheTimeLimitBeyondWhatTheReserveAbsorbs() {
        SolveOptions left = TWENTY_SECONDS.afterPreparation(Duration.ofMillis(2_800));
        assertEquals(Duration.ofMillis(20_000 - 2_800).plus(SolveOptions.ABSORBED), left.timeLimit());
        assertEquals(7L, left.seed());
        assertEquals(Duration.ofSeconds(5), left.unimproved(), "the rest of the options as asked");
    }

    @Test
    void theSolveKeepsATenthOfTheLimitHoweverLongThePreparation() {
        assertEquals(Duration.ofSeconds(2), TWENTY_SECONDS.afterPreparation(Duration.ofSeconds(30)).timeLimit());
        SolveOptions tiny = new SolveOptions(Duration.ofNanos(5), 0L, 0L);
        assertEquals(Duration.ofNanos(1), tiny.afterPreparation(Duration.ofSeconds(1)).timeLimit(), "still positive");
    }
}
