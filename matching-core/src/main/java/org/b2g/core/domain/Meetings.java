package org.b2g.core.domain;

import java.util.ArrayList;
import java.util.List;

/** Builds planning entities from an event's facts. */
public final class Meetings {

    private Meetings() {
    }

    /** One planning entity per required meeting of the event, keeping the input ids. */
    public static List<Meeting> required(Event event) {
        List<Meeting> meetings = new ArrayList<>(event.meetings().size());
        for (RequiredMeeting spec : event.meetings()) {
            Participant first = event.participant(spec.first());
            Participant second = event.participant(spec.second());
            List<Slot> slots = spec.fixedSlot() > 0
                    ? List.of(event.slot(spec.fixedSlot()))
                    : allowedSlots(event, first, second, spec.session());
            List<Table> tables = spec.fixedTable() != null ? List.of(event.table(spec.fixedTable())) : event.tables();
            Meeting meeting = new Meeting(spec.id(), first, second, Origin.REQUIRED, 0, 0.0, List.of(),
                    spec.session(), slots, tables, spec.after());
            if (spec.fixedSlot() > 0 && spec.fixedTable() != null) {
                meeting.setSlot(slots.get(0));
                meeting.setTable(tables.get(0));
                meeting.setPinned(true);
            }
            meetings.add(meeting);
        }
        return meetings;
    }

    /**
     * A meeting as a stored schedule placed it, when no candidate of the event holds it (a repair's or a
     * participant's own meeting read back): free in every slot and at every table, sitting at {@code slot} and
     * {@code table} (null when the schedule gives none).
     */
    public static Meeting placed(Event event, String id, Participant first, Participant second, Origin origin,
            List<String> reasons, Slot slot, Table table) {
        Meeting meeting = new Meeting(id, first, second, origin, 0, 0.0, reasons, null, event.slots(), event.tables(),
                List.of());
        meeting.setSlot(slot);
        meeting.setTable(table);
        return meeting;
    }

    /** The slots both participants can attend, within {@code sessionId} when it is not null. */
    public static List<Slot> allowedSlots(Event event, Participant first, Participant second, String sessionId) {
        Session session = sessionId == null ? null : event.session(sessionId);
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : event.slots()) {
            if (session != null && !session.contains(slot.index())) {
                continue;
            }
            if (first.isAvailable(slot.index()) && second.isAvailable(slot.index())) {
                slots.add(slot);
            }
        }
        return slots;
    }
}
