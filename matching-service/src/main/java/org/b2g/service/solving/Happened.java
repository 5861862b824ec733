package org.b2g.service.solving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Changes;
import org.b2g.core.solver.ScoreWeights;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.persistence.ScheduleRepository.StoredVersion;

/**
 * The meetings of the latest published version marked held or no-show on the day, as a solve or a repair sees them:
 * they took place (or their time has passed), so each stays exactly where it was, pinned at its slot and table like
 * a frozen meeting, whatever the mode, and both its participants count as available then. One the current
 * candidates no longer hold (its request was withdrawn since) is kept all the same, as a meeting of its own. Only a
 * meeting whose participant left the event, whose pair is now excluded or whose slot is gone cannot be kept; a
 * meeting whose table is gone keeps its slot and gets another table.
 */
final class Happened {

    private static final Happened NONE = new Happened(List.of());

    private final List<ScheduleFile.Placement> marked;

    private Happened(List<ScheduleFile.Placement> marked) {
        this.marked = marked;
    }

    /** The event's marked published meetings, read in the caller's transaction. */
    static Happened of(Connection c, String eventId, DayRepository day, ScheduleRepository schedules)
            throws SQLException {
        Map<String, Attendance> marks = day.marks(c, eventId);
        StoredVersion published = marks.isEmpty() ? null : schedules.published(c, eventId, 0);
        if (published == null) {
            return NONE;
        }
        return of(ScheduleJson.read(published.body(), "published version " + published.version()), marks);
    }

    /** The meetings of {@code published} that {@code marks} marks. */
    static Happened of(ScheduleFile published, Map<String, Attendance> marks) {
        return new Happened(marked(published, marks));
    }

    private static List<ScheduleFile.Placement> marked(ScheduleFile published, Map<String, Attendance> marks) {
        return published.meetings().stream().filter(p -> marks.get(p.id()) != null).toList();
    }

    /** The event with both participants of every marked meeting available in its slot. */
    Event apply(Event event) {
        Map<String, Set<Integer>> attended = new HashMap<>();
        for (ScheduleFile.Placement p : marked) {
            Slot slot = p.slotIn(event);
            if (slot != null) {
                attended.computeIfAbsent(p.first(), k -> new HashSet<>()).add(slot.index());
                attended.computeIfAbsent(p.second(), k -> new HashSet<>()).add(slot.index());
            }
        }
        boolean changed = false;
        List<Participant> participants = new ArrayList<>(event.participants().size());
        for (Participant p : event.participants()) {
            Set<Integer> slots = attended.getOrDefault(p.id(), Set.of());
            if (Collections.disjoint(slots, p.unavailableSlots())) {
                participants.add(p);
                continue;
            }
            Set<Integer> away = new HashSet<>(p.unavailableSlots());
            away.removeAll(slots);
            participants.add(new Participant(p.id(), p.index(), p.role(), p.name(), p.representatives(),
                    p.minMeetings(), p.maxMeetings(), away, p.homeTable(), p.offerings(), p.needs(),
                    p.englishName()));
            changed = true;
        }
        return !changed ? event : new Event(event.id(), event.name(), event.timeZone(), event.slotMinutes(),
                event.sessions(), event.slots(), event.tables(), participants, event.meetings(), event.requests(),
                event.exclusions(), event.rules());
    }

    /** {@code problem} with every marked meeting pinned where it was (see {@link #keep(Event, List)}). */
    MeetingSchedule keep(MeetingSchedule problem) {
        return marked.isEmpty() ? problem
                : new MeetingSchedule(problem.getEvent(), keep(problem.getEvent(), problem.getMeetings()));
    }

    /**
     * The meetings with every marked meeting pinned at its published slot and table: the meeting of the same id and
     * pair, else an optional one of the pair, else a meeting of its own added to them.
     */
    List<Meeting> keep(Event event, List<Meeting> meetings) {
        if (marked.isEmpty()) {
            return meetings;
        }
        List<Meeting> kept = new ArrayList<>(meetings);
        Set<Meeting> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> ids = new HashSet<>();
        meetings.forEach(m -> ids.add(m.getId()));
        for (ScheduleFile.Placement p : marked) {
            Participant a = event.participant(p.first());
            Participant b = event.participant(p.second());
            Slot slot = p.slotIn(event);
            if (a == null || b == null || slot == null || event.excluded(a.id(), b.id())) {
                continue;
            }
            Table table = p.table() == null ? null : event.table(p.table());
            Meeting meeting = find(kept, p, taken);
            if (meeting == null) {
                String id = p.id();
                for (int i = 2; ids.contains(id); i++) {
                    id = p.id() + "-" + i;
                }
                ids.add(id);
                meeting = Meetings.placed(event, id, a, b, p.origin(), List.of(), slot, table);
                kept.add(meeting);
            }
            taken.add(meeting);
            meeting.setSlot(slot);
            meeting.setTable(table);
            if (table != null || event.tables().isEmpty()) {
                meeting.setPinned(true);
            } else {
                meeting.keepPublished(slot, null, ScoreWeights.PUBLISHED_DROPPED, ScoreWeights.PUBLISHED_DROPPED);
            }
        }
        return kept;
    }

    private static Meeting find(List<Meeting> meetings, ScheduleFile.Placement p, Set<Meeting> taken) {
        Meeting byPair = null;
        for (Meeting m : meetings) {
            if (taken.contains(m) || !samePair(m, p.first(), p.second())) {
                continue;
            }
            if (m.getId().equals(p.id())) {
                return m;
            }
            if (byPair == null && !m.isRequired()) {
                byPair = m;
            }
        }
        return byPair;
    }

    /**
     * {@code changes} with each marked meeting that the draft holds where it was published counted as kept: a
     * meeting the current event no longer asks for (its request was withdrawn) reads as cancelled and added again
     * otherwise.
     */
    static Changes listedAsKept(Changes changes, Event event, ScheduleFile published, Map<String, Attendance> marks) {
        Map<String, ScheduleFile.Placement> byId = new HashMap<>();
        marked(published, marks).forEach(p -> byId.put(p.id(), p));
        List<Changes.Cancelled> cancelled = new ArrayList<>(changes.cancelled());
        List<Changes.Added> added = new ArrayList<>(changes.added());
        Map<String, int[]> tallies = new HashMap<>();
        changes.participants().forEach((id, t) -> tallies.put(id, new int[] {t.kept(), t.moved(), t.cancelled(),
                t.added()}));
        int kept = changes.kept();
        for (Changes.Cancelled c : changes.cancelled()) {
            ScheduleFile.Placement p = byId.get(c.id());
            Slot slot = p == null ? null : p.slotIn(event);
            if (slot == null) {
                continue;
            }
            Changes.Added again = added.stream().filter(a -> a.at().slot() == slot.index()
                    && java.util.Objects.equals(a.at().table(), p.table())
                    && a.participants().size() == 2 && samePair(a.participants().get(0), a.participants().get(1),
                            p.first(), p.second())).findFirst().orElse(null);
            if (again == null) {
                continue;
            }
            cancelled.remove(c);
            added.remove(again);
            kept++;
            for (String id : List.of(p.first(), p.second())) {
                int[] t = tallies.computeIfAbsent(id, k -> new int[4]);
                t[0]++;
                t[2]--;
                t[3]--;
            }
        }
        if (kept == changes.kept()) {
            return changes;
        }
        Map<String, Changes.Tally> participants = new HashMap<>();
        tallies.forEach((id, t) -> {
            Changes.Tally tally = new Changes.Tally(t[0], t[1], t[2], t[3]);
            if (tally.changed()) {
                participants.put(id, tally);
            }
        });
        return new Changes(changes.event(), changes.mode(), kept, changes.moved(), cancelled, added, participants);
    }

    private static boolean samePair(Meeting m, String a, String b) {
        return samePair(m.getFirst().id(), m.getSecond().id(), a, b);
    }

    private static boolean samePair(String x, String y, String a, String b) {
        return x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a);
    }
}
