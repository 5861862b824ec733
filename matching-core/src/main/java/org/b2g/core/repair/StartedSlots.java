package org.b2g.core.repair;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.ScheduleFile.Placement;

/**
 * The slots of an event that have started by the time of a repair, and the event as the repair must then see it.
 * A meeting published in such a slot took place (or its time is gone): it stays where it was, and nothing else may
 * go there. That holds during the event and after it alike: a repair of an archive keeps every published meeting.
 */
final class StartedSlots {

    private StartedSlots() {
    }

    /**
     * The numbers of the slots of {@code event} whose clock time (in the event's time zone) is before {@code now};
     * none without a time or without clock times.
     */
    static Set<Integer> at(Event event, Instant now) {
        if (now == null || event.timeZone() == null) {
            return Set.of();
        }
        ZoneId zone = event.timeZone();
        Set<Integer> started = new TreeSet<>();
        for (Slot slot : event.slots()) {
            if (slot.start() != null && slot.start().atZone(zone).toInstant().isBefore(now)) {
                started.add(slot.index());
            }
        }
        return started;
    }

    /**
     * {@code event} with nobody available in a started slot but the participants of the {@code past} meetings in
     * theirs, and each allowed at least the meetings and the representatives it had: what happened stands, even if
     * the event now says otherwise.
     *
     * @param past published meetings in a started slot, both of whose participants still take part (even a pair
     *        excluded since), with their slot
     */
    static Event present(Event event, Map<Placement, Slot> past, Set<Integer> started) {
        Map<String, Set<Integer>> attended = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        Map<String, Map<Integer, Integer>> perSlot = new HashMap<>();
        past.forEach((p, slot) -> {
            for (String id : List.of(p.first(), p.second())) {
                attended.computeIfAbsent(id, k -> new HashSet<>()).add(slot.index());
                count.merge(id, 1, Integer::sum);
                perSlot.computeIfAbsent(id, k -> new HashMap<>()).merge(slot.index(), 1, Integer::sum);
            }
        });
        List<Participant> participants = new ArrayList<>(event.participants().size());
        for (Participant p : event.participants()) {
            Set<Integer> away = new HashSet<>(p.unavailableSlots());
            away.addAll(started);
            away.removeAll(attended.getOrDefault(p.id(), Set.of()));
            int max = Math.max(p.maxMeetings(), count.getOrDefault(p.id(), 0));
            int representatives = Math.max(p.representatives(), perSlot.getOrDefault(p.id(), Map.of()).values()
                    .stream().mapToInt(Integer::intValue).max().orElse(0));
            participants.add(new Participant(p.id(), p.index(), p.role(), p.name(), representatives,
                    p.minMeetings(), max, away, p.homeTable(), p.offerings(), p.needs(), p.englishName()));
        }
        return new Event(event.id(), event.name(), event.timeZone(), event.slotMinutes(), event.sessions(),
                event.slots(), event.tables(), participants, event.meetings(), event.requests(), event.exclusions(),
                event.rules());
    }

    /**
     * {@code event} without the exclusions of the pairs that met in a started slot, for scoring the repair: that
     * meeting took place before the exclusion and stays. The exclusion still keeps the pair from every other meeting:
     * an excluded pair has no candidate, and its published meetings in slots to come are cancelled.
     */
    static Event excusingThePast(Event event, Collection<Placement> past) {
        List<Exclusion> still = event.exclusions().stream()
                .filter(e -> past.stream().noneMatch(p -> e.covers(p.first(), p.second()))).toList();
        return still.size() == event.exclusions().size() ? event : event.withExclusions(still);
    }

    /** What a person reads about the started slots: how many, until when, and what that means for the repair. */
    static String note(Event event, Set<Integer> started, int pastMeetings, Instant instant) {
        String now = instant.atZone(event.timeZone()).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS).toString();
        Slot last = event.slot(started.stream().mapToInt(Integer::intValue).max().orElseThrow());
        String kept = pastMeetings + " published meeting" + (pastMeetings == 1 ? "" : "s") + " there stay"
                + (pastMeetings == 1 ? "s" : "") + " where " + (pastMeetings == 1 ? "it was" : "they were");
        String lastSlot = "slot " + last.index() + " at " + last.start().toLocalDate() + " "
                + last.start().toLocalTime() + " " + event.timeZone();
        if (started.size() == event.slotCount()) {
            return "the event is over at " + now + " (all " + event.slotCount() + " slots have started, the last "
                    + lastSlot + "): the " + kept + " and nothing new can be placed; --now repairs as of an earlier"
                    + " time";
        }
        return started.size() + " of " + event.slotCount() + " slots have started at " + now + " (up to " + lastSlot
                + "): the " + kept + " and nothing new goes there";
    }
}
