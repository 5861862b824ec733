package org.b2g.core.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Explanations;
import org.b2g.core.repair.Changes.Added;
import org.b2g.core.repair.Changes.Cancelled;
import org.b2g.core.repair.Changes.Moved;
import org.b2g.core.repair.Changes.Place;
import org.b2g.core.repair.Changes.Tally;
import org.b2g.core.repair.PublishedMeeting.Status;

/**
 * Compares a repaired schedule with the published one it started from and says, meeting by meeting, what changed
 * and why, in words read off the two schedules (never a guess about the search).
 */
public final class ChangeReport {

    private final Event event;
    private final MeetingSchedule solved;
    private final Map<String, Meeting> solvedById = new HashMap<>();
    private final Set<String> fromPublished = new HashSet<>();
    private final Map<String, int[]> tallies = new HashMap<>();

    private ChangeReport(Event event, MeetingSchedule solved) {
        this.event = event;
        this.solved = solved;
        for (Meeting meeting : solved.getMeetings()) {
            solvedById.put(meeting.getId(), meeting);
        }
    }

    /** The changes from the plan's published schedule to {@code solved} (the solved form of the plan's problem). */
    public static Changes of(RepairPlan plan, MeetingSchedule solved) {
        return new ChangeReport(plan.event(), solved).compare(plan, DraftMode.of(plan.mode()));
    }

    /**
     * The changes from {@code published} to {@code draft}, two schedules of {@code event} (the draft may come from a
     * plain solve or a repair): what the people of the published schedule would be told if the draft were published.
     *
     * @param madeBy what made the draft, as the report says it
     * @param agreed ids of published meetings two participants agreed on themselves that their id does not mark
     *        (a repair takes them the same way): such a meeting stands although its pair is no longer a candidate
     * @param source names the draft in error messages
     * @throws InputException when a schedule belongs to another event, or the draft names a slot or
     *         table the event does not have
     */
    public static Changes between(Event event, ScheduleFile published, ScheduleFile draft, DraftMode madeBy,
            Set<String> agreed, String source) {
        // Minimal pins nothing, so the draft's places are read as they are; the published meetings are sorted into
        // unaffected, affected and gone the same way in both modes.
        RepairPlan plan = Repair.plan(event, published, RepairMode.MINIMAL, source, null, agreed);
        MeetingSchedule schedule = plan.problem();
        for (Meeting meeting : schedule.getMeetings()) {
            meeting.setSlot(null);
            meeting.setTable(null);
        }
        Map<String, Meeting> byId = new HashMap<>();
        Map<String, List<Meeting>> byPair = new HashMap<>();
        for (Meeting meeting : schedule.getMeetings()) {
            byId.put(meeting.getId(), meeting);
            byPair.computeIfAbsent(Repair.pairKey(meeting.getFirst().id(), meeting.getSecond().id()),
                    k -> new ArrayList<>()).add(meeting);
        }
        List<Meeting> extras = new ArrayList<>();
        for (int i = 0; i < draft.meetings().size(); i++) {
            Placement placement = draft.meetings().get(i);
            String path = source + ": meetings[" + i + "]";
            Participant a = event.participant(placement.first());
            Participant b = event.participant(placement.second());
            if (a == null || b == null) {
                throw new InputException(path + " names a participant (" + (a == null ? placement.first()
                        : placement.second()) + ") that event " + event.id() + " does not have.");
            }
            if (placement.slot() > event.slotCount()) {
                throw new InputException(path + ".slot (" + placement.slot() + ") is outside 1.." + event.slotCount()
                        + ".");
            }
            String key = Repair.pairKey(a.id(), b.id());
            Meeting meeting = byId.get(placement.id());
            if (meeting == null || meeting.isScheduled() || !key.equals(Repair.pairKey(meeting.getFirst().id(),
                    meeting.getSecond().id()))) {
                meeting = byPair.getOrDefault(key, List.of()).stream().filter(m -> !m.isScheduled()).findFirst()
                        .orElse(null);
            }
            Slot slot = event.slot(placement.slot());
            Table table = placement.table() == null ? null : event.table(placement.table());
            if (meeting == null) {
                extras.add(Meetings.placed(event, placement.id(), a, b, placement.origin(), List.of(), slot, table));
            } else {
                meeting.setSlot(slot);
                meeting.setTable(table);
            }
        }
        schedule.getMeetings().addAll(extras);
        return new ChangeReport(event, schedule).compare(plan, madeBy);
    }

    private Changes compare(RepairPlan plan, DraftMode mode) {
        int kept = 0;
        List<Moved> moved = new ArrayList<>();
        List<Cancelled> cancelled = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        Explanations explanations = Explanations.of(solved);
        for (PublishedMeeting p : plan.published()) {
            if (p.meetingId() != null && solvedById.containsKey(p.meetingId())) {
                fromPublished.add(p.meetingId());
            }
        }
        for (PublishedMeeting p : plan.published()) {
            Placement placement = p.placement();
            Meeting now = p.meetingId() == null ? null : solvedById.get(p.meetingId());
            List<String> pair = List.of(placement.first(), placement.second());
            String changedReason = null;
            if (now == null) {
                // No candidate of the event stands for it (its request withdrawn, its required meeting gone or
                // naming another pair), yet the pair may meet all the same, for another reason (a recommendation):
                // matched by pair, that is the same meeting to its people, not one cancelled and another added.
                now = samePairMeeting(p);
                if (now != null) {
                    fromPublished.add(now.getId());
                    changedReason = p.reason() + ", but " + placement.first() + " and " + placement.second()
                            + " still meet, now as a " + now.getOrigin().code() + " meeting";
                }
            }
            if (now == null || !now.isScheduled()) {
                String reason = p.reason() != null ? p.reason() : "it no longer fits";
                if (now != null) {
                    String why = explanations.whyUnscheduled(now);
                    String displaced = p.status() == Status.UNAFFECTED ? displacedBy(p) : null;
                    reason = p.status() != Status.UNAFFECTED ? reason + "; " + why
                            : displaced != null ? displaced + "; " + why : why;
                }
                cancelled.add(new Cancelled(placement.id(), pair, placement.slot(), placement.start(), reason));
                count(pair, 2);
                continue;
            }
            boolean sameSlot = p.slot() != null && p.slot().equals(now.getSlot());
            boolean sameTable = placement.table() == null
                    || now.getTable() != null && now.getTable().id().equals(placement.table());
            if (sameSlot && sameTable) {
                kept++;
                count(pair, 0);
                continue;
            }
            String reason = changedReason != null ? changedReason
                    : p.reason() != null ? p.reason() : whyMoved(now, p, mode);
            moved.add(new Moved(now.getId(), pair, new Place(placement.slot(), placement.table(), placement.start()),
                    place(now), reason));
            count(pair, 1);
        }
        for (Meeting meeting : solved.getMeetings()) {
            if (meeting.isScheduled() && !fromPublished.contains(meeting.getId())) {
                List<String> pair = List.of(meeting.getFirst().id(), meeting.getSecond().id());
                added.add(new Added(meeting.getId(), pair, place(meeting), meeting.getOrigin()));
                count(pair, 3);
            }
        }
        Map<String, Tally> participants = new HashMap<>();
        tallies.forEach((id, t) -> {
            Tally tally = new Tally(t[0], t[1], t[2], t[3]);
            if (tally.changed()) {
                participants.put(id, tally);
            }
        });
        return new Changes(event.id(), mode, kept, moved, cancelled, added, participants);
    }

    /**
     * Why an unaffected meeting left its published place: the meeting that now holds one of its people, or its
     * table, at that time; else what else changed for its people (the moves that came with it), or that a plain solve
     * keeps no place, or that the two schedules show no reason.
     */
    private String whyMoved(Meeting now, PublishedMeeting p, DraftMode mode) {
        Slot slot = p.slot();
        String table = p.placement().table();
        if (slot == null) {
            return "its published slot (" + p.placement().slot() + ") is no longer one of the event's";
        }
        if (!slot.equals(now.getSlot())) {
            for (Meeting other : solved.getMeetings()) {
                if (other != now && slot.equals(other.getSlot()) && !wasThere(other, slot)
                        && (other.involves(now.getFirst()) || other.involves(now.getSecond()))) {
                    return "to make room for " + describe(other) + " in " + slot;
                }
            }
        }
        for (Meeting other : solved.getMeetings()) {
            if (other != now && slot.equals(other.getSlot()) && other.getTable() != null
                    && other.getTable().id().equals(table)) {
                return "to free table " + table + " in " + slot + " for " + describe(other);
            }
        }
        if (slot.equals(now.getSlot())) {
            return "to keep its people at one table";
        }
        if (mode == DraftMode.SOLVE) {
            return "no meeting took its place in " + slot + ": the draft was solved anew, which keeps no published"
                    + " place (a repair would)";
        }
        List<String> besides = new ArrayList<>();
        for (Meeting other : solved.getMeetings()) {
            if (other != now && other.isScheduled() && !wasThere(other, other.getSlot())
                    && (other.involves(now.getFirst()) || other.involves(now.getSecond()))) {
                besides.add(describe(other) + (other.getPublishedSlot() == null ? ", new in " : ", moved to ")
                        + other.getSlot());
            }
        }
        if (besides.isEmpty()) {
            return "no meeting took its place in " + slot + ", and nothing else changed for " + now.getFirst().id()
                    + " or " + now.getSecond().id() + ": the two schedules show no reason";
        }
        return "no meeting took its place in " + slot + "; what changed for its people besides: "
                + String.join("; ", besides.subList(0, Math.min(3, besides.size())))
                + (besides.size() > 3 ? "; and " + (besides.size() - 3) + " more" : "");
    }

    /**
     * The meeting of the solved schedule that a published meeting without a candidate (no longer wanted as it was
     * published) became, matched by its pair: a scheduled meeting of the same two participants that no published
     * meeting accounts for, the one at its published slot and table first. Null when the pair no longer meets.
     */
    private Meeting samePairMeeting(PublishedMeeting p) {
        String key = Repair.pairKey(p.placement().first(), p.placement().second());
        Meeting found = null;
        for (Meeting meeting : solved.getMeetings()) {
            if (!meeting.isScheduled() || fromPublished.contains(meeting.getId())
                    || !key.equals(Repair.pairKey(meeting.getFirst().id(), meeting.getSecond().id()))) {
                continue;
            }
            boolean samePlace = p.slot() != null && p.slot().equals(meeting.getSlot())
                    && (p.placement().table() == null || meeting.getTable() != null
                            && meeting.getTable().id().equals(p.placement().table()));
            if (samePlace) {
                return meeting;
            }
            if (found == null) {
                found = meeting;
            }
        }
        return found;
    }

    /**
     * What took the place of a standing meeting that was cancelled: a meeting that was not there before and now holds
     * one of its people, or its table, in its published slot; null when none did.
     */
    private String displacedBy(PublishedMeeting p) {
        Slot slot = p.slot();
        if (slot == null) {
            return null;
        }
        for (Meeting other : solved.getMeetings()) {
            if (slot.equals(other.getSlot()) && !wasThere(other, slot)
                    && (other.getFirst().id().equals(p.placement().first())
                    || other.getFirst().id().equals(p.placement().second())
                    || other.getSecond().id().equals(p.placement().first())
                    || other.getSecond().id().equals(p.placement().second())
                    || other.getTable() != null && other.getTable().id().equals(p.placement().table()))) {
                return "to make room for " + describe(other) + " in " + slot;
            }
        }
        return null;
    }

    /** True when {@code other} was published in {@code slot} too (it did not push anyone out). */
    private boolean wasThere(Meeting other, Slot slot) {
        return other.getPublishedSlot() != null && other.getPublishedSlot().equals(slot);
    }

    private static String describe(Meeting meeting) {
        return "the " + meeting.getOrigin().code() + " meeting " + meeting.getFirst().id() + " + "
                + meeting.getSecond().id();
    }

    private Place place(Meeting meeting) {
        Slot slot = meeting.getSlot();
        return new Place(slot.index(), meeting.getTable() == null ? null : meeting.getTable().id(),
                slot.start() == null ? null : ScheduleJson.timestamp(slot.start(), event.timeZone()));
    }

    /** @param kind 0 kept, 1 moved, 2 cancelled, 3 added */
    private void count(List<String> pair, int kind) {
        for (String id : pair) {
            tallies.computeIfAbsent(id, k -> new int[4])[kind]++;
        }
    }
}
