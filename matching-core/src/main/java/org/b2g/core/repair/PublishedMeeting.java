package org.b2g.core.repair;

import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.ScheduleFile.Placement;

/**
 * A meeting of the published schedule as the repair sees it: the candidate it became in the current event (by
 * required-meeting id, else by pair), where that is now, and whether it still stands as published.
 *
 * @param meetingId the id of the matching candidate in the repair's problem, or null when it has none (gone)
 * @param slot the published slot in the current event's numbering, or null when that slot no longer exists (also
 *        given for a meeting that is gone, so that the change report can tell whether its pair still meets there)
 * @param table the published table, or null when the file gives none or the event no longer has it
 * @param reason why it is affected or gone, as words for the people concerned; null when unaffected, but for a meeting
 *        of a slot that has started whose table is gone (it stays, at another table)
 */
public record PublishedMeeting(Placement placement, String meetingId, Status status, Slot slot, Table table,
        String reason) {

    /** Where a published meeting stands in the current event. */
    public enum Status {
        /** Both still take part, the pair may meet, its reason stands, its slot and table are still possible. */
        UNAFFECTED,
        /** Still wanted, but its slot or table is no longer possible: it must move (or be cancelled). */
        AFFECTED,
        /**
         * No longer wanted as published: a participant left, the pair is excluded, its request was withdrawn, its
         * required meeting was removed or now names another pair. (The pair may still meet for another reason, a
         * recommendation: the change report then matches that meeting to it by pair.)
         */
        GONE
    }
}
