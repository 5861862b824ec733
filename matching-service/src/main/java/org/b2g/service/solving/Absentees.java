package org.b2g.service.solving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.persistence.ScheduleRepository.StoredVersion;

/**
 * The participants marked absent on the day, as a solve or a repair sees them: each takes part only in its meetings
 * of the latest published version already marked held (history, kept where they were) and gets no new one. It is
 * available only in the slots of those meetings, holds at most that many, has no minimum, and its other candidates
 * are left out.
 */
final class Absentees {

    private static final Absentees NONE = new Absentees(Map.of());

    /** The held meetings of each absent participant. */
    private final Map<String, List<ScheduleFile.Placement>> held;

    private Absentees(Map<String, List<ScheduleFile.Placement>> held) {
        this.held = held;
    }

    /** The event's absent participants and what they held, read in the caller's transaction. */
    static Absentees of(Connection c, String eventId, DayRepository day, ScheduleRepository schedules)
            throws SQLException {
        Set<String> absent = day.absent(c, eventId);
        if (absent.isEmpty()) {
            return NONE;
        }
        Map<String, List<ScheduleFile.Placement>> held = new HashMap<>();
        absent.forEach(id -> held.put(id, new ArrayList<>()));
        StoredVersion published = schedules.published(c, eventId, 0);
        if (published != null) {
            Map<String, Attendance> marks = day.marks(c, eventId);
            for (ScheduleFile.Placement p : ScheduleJson.read(published.body(), "published version "
                    + published.version()).meetings()) {
                if (marks.get(p.id()) == Attendance.HELD) {
                    for (String id : List.of(p.first(), p.second())) {
                        if (held.containsKey(id)) {
                            held.get(id).add(p);
                        }
                    }
                }
            }
        }
        return new Absentees(held);
    }

    /** Who is absent, as the draft records it (see {@code Publication}: an absence taken back since). */
    Set<String> ids() {
        return Set.copyOf(held.keySet());
    }

    /** The event with each absent participant available only where it held a meeting, at most that many. */
    Event apply(Event event) {
        if (held.isEmpty()) {
            return event;
        }
        List<Participant> participants = new ArrayList<>(event.participants().size());
        for (Participant p : event.participants()) {
            List<ScheduleFile.Placement> mine = held.get(p.id());
            if (mine == null) {
                participants.add(p);
                continue;
            }
            Set<Integer> away = new HashSet<>();
            event.slots().forEach(s -> away.add(s.index()));
            mine.forEach(m -> {
                Slot slot = m.slotIn(event);
                if (slot != null) {
                    away.remove(slot.index());
                }
            });
            participants.add(new Participant(p.id(), p.index(), p.role(), p.name(), p.representatives(), 0,
                    Math.min(p.maxMeetings(), mine.size()), away, p.homeTable(), p.offerings(), p.needs(),
                    p.englishName()));
        }
        return new Event(event.id(), event.name(), event.timeZone(), event.slotMinutes(), event.sessions(),
                event.slots(), event.tables(), participants, event.meetings(), event.requests(), event.exclusions(),
                event.rules());
    }

    /** The candidates without those of absent participants, but for their meetings held (same id, else pair). */
    List<Meeting> candidates(List<Meeting> candidates) {
        if (held.isEmpty()) {
            return candidates;
        }
        Set<String> ids = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        held.values().forEach(list -> list.forEach(p -> {
            ids.add(p.id());
            pairs.add(pair(p.first(), p.second()));
        }));
        List<Meeting> kept = new ArrayList<>(candidates.size());
        for (Meeting m : candidates) {
            String a = m.getFirst().id();
            String b = m.getSecond().id();
            if (!held.containsKey(a) && !held.containsKey(b) || ids.contains(m.getId())
                    || !m.isRequired() && pairs.contains(pair(a, b))) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a;
    }
}
