package org.b2g.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Stop reasons as programs and stored jobs name them. */
class StopReasonTest {

    @Test
    void codesAreTheNamesInLowerKebabCase() {
        assertEquals("move-limit", StopReason.MOVE_LIMIT.code());
        assertEquals("no-valid-schedule-under-the-break-cap", StopReason.NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP.code());
    }

    @Test
    void everyReasonReadsBackFromItsCodeAndAnUnknownCodeFromNone() {
        for (StopReason reason : StopReason.values()) {
            assertEquals(reason, StopReason.ofCode(reason.code()));
        }
        assertNull(StopReason.ofCode("gave-up"));
        assertNull(StopReason.ofCode(null));
    }
}
