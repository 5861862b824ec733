package org.b2g.core.solver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * A small event shared by the constraint tests: one day of slots 1..6 in sessions am (1..3) and pm (4..6), slot 7
 * on a second day; three tables; a startup, an agency that sends two officials and keeps table T1, and two
 * generic companies.
 */
final class Fixtures {

    static final Slot S1 = slot(1, "am", 0);
    static final Slot S2 = slot(2, "am", 0);
    static final Slot S3 = slot(3, "am", 0);
    static final Slot S4 = slot(4, "pm", 0);
    static final Slot S5 = slot(5, "pm", 0);
    static final Slot S6 = slot(6, "pm", 0);
    static final Slot S7 = slot(7, "d2", 1);
    static final List<Slot> SLOTS = List.of(S1, S2, S3, S4, S5, S6, S7);

    static final Table T1 = new Table("T1", "Table 1", 0);
    static final Table T2 = new Table("T2", "Table 2", 1);
    static final Table T3 = new Table("T3", null, 2);
    static final List<Table> TABLES = List.of(T1, T2, T3);

    static final Participant STARTUP = new Participant("s-1", 0, Role.STARTUP, "VietSense AI", 1, 0, 3,
            Set.of(2), null, List.of(), List.of());
    static final Participant AGENCY = new Participant("a-dost", 1, Role.AGENCY,
            "Department of Science and Technology", 2, 2, Participant.UNLIMITED, Set.of(), "T1", List.of(),
            List.of());
    static final Participant C3 = Participant.company("3", 2, Set.of());
    static final Participant C4 = Participant.company("4", 3, Set.of());
    static final List<Participant> PARTICIPANTS = List.of(STARTUP, AGENCY, C3, C4);

    static final Rules CAP_1 = Rules.DEFAULT.withMaxBreaks(1);
    static final Rules NO_CAP = Rules.DEFAULT;

    static final List<Session> SESSIONS = List.of(
            new Session("am", "2024-10-10", LocalDate.of(2024, 10, 10), LocalTime.of(8, 30), 3, 1),
            new Session("pm", "2024-10-10", LocalDate.of(2024, 10, 10), LocalTime.of(9, 30), 3, 4),
            new Session("d2", "2024-10-11", LocalDate.of(2024, 10, 11), LocalTime.of(10, 50), 1, 7));

    private Fixtures() {
    }

    /** The fixtures as an event, with these exclusions and rules and no required meetings. */
    static Event event(List<Exclusion> exclusions, Rules rules) {
        return event(PARTICIPANTS, exclusions, rules);
    }

    /** As {@link #event(List, Rules)}, with these participants. */
    static Event event(List<Participant> participants, List<Exclusion> exclusions, Rules rules) {
        return new Event("fixtures", "Fixtures", ZoneId.of("Asia/Ho_Chi_Minh"), 20, SESSIONS, SLOTS, TABLES,
                participants, List.of(), List.of(), exclusions, rules);
    }

    /**
     * These meetings in a schedule of the fixtures' event with these participants: the schedule hands the meetings
     * its seats (the agency sits at T1, its home, and T2; startups and companies walk).
     */
    static MeetingSchedule schedule(List<Participant> participants, Meeting... meetings) {
        return new MeetingSchedule(event(participants, List.of(), NO_CAP), List.of(meetings));
    }

    private static Slot slot(int index, String session, int day) {
        LocalDateTime start = LocalDateTime.of(2024, 10, 10 + day, 8, 30).plusMinutes(20L * (index - 1));
        return new Slot(index, session, day, start, start.plusMinutes(20));
    }

    /** A required meeting, free in every slot and at every table, placed at {@code slot} and {@code table}. */
    static Meeting required(String id, Participant first, Participant second, Slot slot, Table table) {
        return meeting(id, first, second, Origin.REQUIRED, 0, null, TABLES, List.of(), slot, table);
    }

    /** An optional candidate of the given weight. */
    static Meeting optional(String id, Participant first, Participant second, long weight, Slot slot,
            Table table) {
        return meeting(id, first, second, Origin.REQUEST, weight, null, TABLES, List.of(), slot, table);
    }

    static Meeting meeting(String id, Participant first, Participant second, Origin origin, long weight,
            String session, List<Table> tables, List<String> after, Slot slot, Table table) {
        Meeting meeting = new Meeting(id, first, second, origin, weight, 0.0, List.of(), session, SLOTS, tables,
                after);
        meeting.setSlot(slot);
        meeting.setTable(table);
        return meeting;
    }
}
