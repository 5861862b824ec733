package org.b2g.service.solving;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
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
 * The history of the day as a solve or a repair sees it: the meetings of the latest published version marked held or
 * no-show, and, once the event has begun, every published meeting whose slot has started (it took place, or its time
 * has passed: a meeting of a participant marked absent and not marked held is the exception, as {@link Absentees}
 * says). Each stays exactly where it was, pinned at its slot and table like a frozen meeting, whatever the mode, and
 * both its participants count as available then. One the current candidates no longer hold (its request was
 * withdrawn since, or the pair excluded since) is kept all the same, as a meeting of its own: the past is not
 * rewritten. Only a meeting whose participant left the event or whose slot is gone cannot be kept; a meeting whose
 * table is gone keeps its slot and gets another table.
 *
 * <p>A slot that has started is closed to everything else: no participant is available then but for the meetings
 * kept there, and no other meeting may be placed there. Slots start by clock time in the event's time zone; an event
 * without clock times, or one whose last day is over (an archive, the demo), has no such slots.
 */
final class Happened {

    private static final Happened NONE = new Happened(List.of(), List.of(), Set.of(), null);

    private final List<ScheduleFile.Placement> marked;
    /** The other published meetings: kept when their slot has started. */
    private final List<ScheduleFile.Placement> unmarked;
    private final Set<String> absent;
    /** When the job started; null: no slot has started. */
    private final Instant now;

    private Happened(List<ScheduleFile.Placement> marked, List<ScheduleFile.Placement> unmarked, Set<String> absent,
            Instant now) {
        this.marked = marked;
        this.unmarked = unmarked;
        this.absent = absent;
        this.now = now;
    }

    /** The event's marked published meetings, read in the caller's transaction, regardless of time. */
    static Happened of(Connection c, String eventId, DayRepository day, ScheduleRepository schedules)
            throws SQLException {
        return of(c, eventId, day, schedules, null);
    }

    /**
     * The event's marked published meetings and, with {@code now}, those whose slot has started by then, read in the
     * caller's transaction.
     */
    static Happened of(Connection c, String eventId, DayRepository day, ScheduleRepository schedules, Instant now)
            throws SQLException {
        Map<String, Attendance> marks = day.marks(c, eventId);
        StoredVersion published = marks.isEmpty() && now == null ? null : schedules.published(c, eventId, 0);
        if (published == null) {
            return now == null ? NONE : new Happened(List.of(), List.of(), Set.of(), now);
        }
        return of(ScheduleJson.read(published.body(), "published version " + published.version()), marks,
                now == null ? Set.of() : day.absent(c, eventId), now);
    }

    /** The meetings of {@code published} that {@code marks} marks. */
    static Happened of(ScheduleFile published, Map<String, Attendance> marks) {
        return of(published, marks, Set.of(), null);
    }

    /**
     * The meetings of {@code published} that {@code marks} marks and, with {@code now}, those whose slot has started
     * by then but for those of the {@code absent} participants.
     */
    static Happened of(ScheduleFile published, Map<String, Attendance> marks, Set<String> absent, Instant now) {
        return new Happened(marked(published, marks), published.meetings().stream()
                .filter(p -> marks.get(p.id()) == null).toList(), Set.copyOf(absent), now);
    }

    private static List<ScheduleFile.Placement> marked(ScheduleFile published, Map<String, Attendance> marks) {
        return published.meetings().stream().filter(p -> marks.get(p.id()) != null).toList();
    }

    /**
     * The slots of {@code event} that have started at {@code now}, by their clock time in the event's time zone:
     * none without a time, without clock times, or when the event's last day is over.
     */
    static Set<Integer> started(Event event, Instant now) {
        if (now == null || event.timeZone() == null || event.slotCount() == 0 || event.slot(1).start() == null) {
            return Set.of();
        }
        ZoneId zone = event.timeZone();
        LocalDate lastDay = event.slots().stream().filter(s -> s.start() != null)
                .map(s -> s.start().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
        if (LocalDate.ofInstant(now, zone).isAfter(lastDay)) {
            return Set.of();
        }
        Set<Integer> started = new HashSet<>();
        for (Slot slot : event.slots()) {
            if (slot.start() != null && slot.start().atZone(zone).toInstant().isBefore(now)) {
                started.add(slot.index());
            }
        }
        return started;
    }

    /** The published meetings kept in {@code event}: the marked ones, and the others whose slot has started. */
    private List<ScheduleFile.Placement> kept(Event event, Set<Integer> started) {
        if (started.isEmpty() || unmarked.isEmpty()) {
            return marked;
        }
        List<ScheduleFile.Placement> kept = new ArrayList<>(marked);
        for (ScheduleFile.Placement p : unmarked) {
            Slot slot = p.slotIn(event);
            if (slot != null && started.contains(slot.index()) && !absent.contains(p.first())
                    && !absent.contains(p.second())) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * The published meetings that a solve or repair of {@code event} keeps where they were: the marked ones and, on
     * the day, those whose slot has started, even of a pair excluded since; but for a meeting whose participant left
     * or whose slot is gone.
     */
    List<ScheduleFile.Placement> keptIn(Event event) {
        List<ScheduleFile.Placement> kept = new ArrayList<>();
        for (ScheduleFile.Placement p : kept(event, started(event, now))) {
            if (event.participant(p.first()) != null && event.participant(p.second()) != null
                    && p.slotIn(event) != null) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * The event with no participant available in a slot that has started, but both participants of every kept
     * meeting available in its slot, and each allowed at least as many meetings as it keeps (a meeting marked held
     * after its {@code maxMeetings} was lowered has happened all the same).
     */
    Event apply(Event event) {
        Set<Integer> started = started(event, now);
        Map<String, Set<Integer>> attended = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (ScheduleFile.Placement p : keptIn(event)) {
            Slot slot = p.slotIn(event);
            for (String id : List.of(p.first(), p.second())) {
                attended.computeIfAbsent(id, k -> new HashSet<>()).add(slot.index());
                count.merge(id, 1, Integer::sum);
            }
        }
        boolean changed = false;
        List<Participant> participants = new ArrayList<>(event.participants().size());
        for (Participant p : event.participants()) {
            Set<Integer> slots = attended.getOrDefault(p.id(), Set.of());
            Set<Integer> away = new HashSet<>(p.unavailableSlots());
            away.addAll(started);
            away.removeAll(slots);
            int max = Math.max(p.maxMeetings(), count.getOrDefault(p.id(), 0));
            if (away.equals(p.unavailableSlots()) && max == p.maxMeetings()) {
                participants.add(p);
                continue;
            }
            participants.add(new Participant(p.id(), p.index(), p.role(), p.name(), p.representatives(),
                    p.minMeetings(), max, away, p.homeTable(), p.offerings(), p.needs(), p.englishName()));
            changed = true;
        }
        return !changed ? event : new Event(event.id(), event.name(), event.timeZone(), event.slotMinutes(),
                event.sessions(), event.slots(), event.tables(), participants, event.meetings(), event.requests(),
                event.exclusions(), event.rules());
    }

    /**
     * {@code problem} with every kept meeting pinned where it was (see {@link #keep(Event, List)}), scored without the
     * exclusions of the pairs it keeps a meeting of: that meeting took place before the exclusion. The exclusion
     * still keeps the pair from any other meeting: an excluded pair has no candidate.
     */
    MeetingSchedule keep(MeetingSchedule problem) {
        if (marked.isEmpty() && now == null) {
            return problem;
        }
        Event event = problem.getEvent();
        List<Meeting> meetings = keep(event, problem.getMeetings());
        List<ScheduleFile.Placement> kept = keptIn(event);
        List<Exclusion> still = event.exclusions().stream()
                .filter(e -> kept.stream().noneMatch(p -> e.covers(p.first(), p.second()))).toList();
        return new MeetingSchedule(still.size() == event.exclusions().size() ? event : event.withExclusions(still),
                meetings);
    }

    /**
     * The meetings with every kept meeting pinned at its published slot and table: the meeting of the same id and
     * pair, else an optional one of the pair under the published id, else a meeting of its own added to them. No other
     * meeting may go to a slot that has started (a kept meeting whose table is gone may stay in its own).
     */
    List<Meeting> keep(Event event, List<Meeting> meetings) {
        Set<Integer> started = started(event, now);
        List<ScheduleFile.Placement> history = kept(event, started);
        if (history.isEmpty() && started.isEmpty()) {
            return meetings;
        }
        List<Meeting> kept = new ArrayList<>(meetings);
        Set<Meeting> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> ids = new HashSet<>();
        meetings.forEach(m -> ids.add(m.getId()));
        for (ScheduleFile.Placement p : history) {
            Participant a = event.participant(p.first());
            Participant b = event.participant(p.second());
            Slot slot = p.slotIn(event);
            if (a == null || b == null || slot == null) {
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
            } else if (!meeting.getId().equals(p.id()) && ids.add(p.id())) {
                // Found by its pair under another id: it keeps its own, which its mark and its request name.
                Meeting own = meeting.withId(p.id());
                kept.set(kept.indexOf(meeting), own);
                meeting = own;
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
        if (!started.isEmpty()) {
            kept.replaceAll(m -> m.isPinned() ? m : closed(m, started, taken.contains(m) ? m.getSlot() : null));
        }
        return kept;
    }

    /**
     * {@code meeting} without the slots that have started among those it may go to, but for {@code own} (the slot a
     * kept meeting stays in); the same meeting when it may go to none of them.
     */
    private static Meeting closed(Meeting meeting, Set<Integer> started, Slot own) {
        return meeting.withAllowedSlots(meeting.getAllowedSlots().stream()
                .filter(s -> !started.contains(s.index()) || s.equals(own)).toList());
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
        return listedAsKept(changes, event, published, marks, null);
    }

    /** As {@link #listedAsKept(Changes, Event, ScheduleFile, Map)}, also for the meetings whose slot started by {@code now}. */
    static Changes listedAsKept(Changes changes, Event event, ScheduleFile published, Map<String, Attendance> marks,
            Instant now) {
        Map<String, ScheduleFile.Placement> byId = new HashMap<>();
        Set<Integer> started = started(event, now);
        published.meetings().stream().filter(p -> marks.get(p.id()) != null || started.contains(slotOf(p, event)))
                .forEach(p -> byId.put(p.id(), p));
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
                    && Objects.equals(a.at().table(), p.table())
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

    private static int slotOf(ScheduleFile.Placement p, Event event) {
        Slot slot = p.slotIn(event);
        return slot == null ? 0 : slot.index();
    }

    private static boolean samePair(Meeting m, String a, String b) {
        return samePair(m.getFirst().id(), m.getSecond().id(), a, b);
    }

    private static boolean samePair(String x, String y, String a, String b) {
        return x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a);
    }
}
