package org.b2g.core.domain;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * A candidate meeting of two participants: the planning entity. The solver picks its {@link #getSlot() slot}
 * (null = not scheduled) and its {@link #getTable() table}. A required meeting without a slot breaks a hard
 * constraint; an optional one only loses its {@link #getWeight() weight} of demand.
 *
 * <p>Holds facts (participants, slots, tables) but never another meeting: precedences refer to meetings by id,
 * so that they stay valid in the solver's working clones.
 */
@PlanningEntity
public class Meeting {

    @PlanningId
    private String id;
    private Participant first;
    private Participant second;
    private Origin origin;
    private long weight;
    private double relevance;
    private List<Reason> reasons;
    private String sessionId;
    private List<Slot> allowedSlots;
    private List<Table> allowedTables;
    private List<String> after;
    private boolean pinned;
    /** Where a published version had this meeting (repair), or null; see {@link #keepPublished}. */
    private Slot publishedSlot;
    private Table publishedTable;
    private long moveCost;
    /**
     * Who sits and who walks at the event (the schedule's {@link Seating}, set when the meeting joins a
     * {@link MeetingSchedule}): the constraints read seats through the meeting rather than by joining a fact, which
     * keeps the constraint network small to build.
     */
    private Seating seating;

    @PlanningVariable(valueRangeProviderRefs = "allowedSlots", nullable = true)
    private Slot slot;
    @PlanningVariable(valueRangeProviderRefs = "allowedTables")
    private Table table;

    /** For the solver's cloner. */
    public Meeting() {
    }

    /**
     * @param allowedSlots the slots both participants can attend, within the meeting's session, or the fixed slot
     * @param allowedTables all tables, or the fixed table
     * @param after ids of meetings that must be strictly earlier
     * @param weight demand met when an optional meeting is scheduled (ignored for required meetings)
     */
    public Meeting(String id, Participant first, Participant second, Origin origin, long weight, double relevance,
            List<String> reasons, String sessionId, List<Slot> allowedSlots, List<Table> allowedTables,
            List<String> after) {
        this(id, first, second, origin, weight, relevance, reasons.stream().<Reason>map(Reason.Note::new).toList(),
                allowedSlots, allowedTables, after, sessionId);
    }

    /** As the other constructor, with structured reasons (a code and its values each; see {@link Reason}). */
    public Meeting(String id, Participant first, Participant second, Origin origin, long weight, double relevance,
            List<Reason> reasons, List<Slot> allowedSlots, List<Table> allowedTables, List<String> after,
            String sessionId) {
        this.id = id;
        this.first = first;
        this.second = second;
        this.origin = origin;
        this.weight = weight;
        this.relevance = relevance;
        this.reasons = List.copyOf(reasons);
        this.sessionId = sessionId;
        this.allowedSlots = List.copyOf(allowedSlots);
        this.allowedTables = List.copyOf(allowedTables);
        this.after = List.copyOf(after);
    }

    public String getId() { return id; }
    public Participant getFirst() { return first; }
    public Participant getSecond() { return second; }
    public Origin getOrigin() { return origin; }
    public boolean isRequired() { return origin == Origin.REQUIRED; }
    public long getWeight() { return weight; }
    public double getRelevance() { return relevance; }
    /** The reasons as default English sentences, strongest first. */
    public List<String> getReasons() { return reasons.stream().map(Reason::text).toList(); }
    /** The reasons as codes with values, in the order of {@link #getReasons()}. */
    public List<Reason> getReasonDetails() { return reasons; }
    /** The session the meeting must stay in, or null. */
    public String getSessionId() { return sessionId; }
    public List<String> getAfter() { return after; }
    public List<Participant> getParticipants() { return List.of(first, second); }

    @ValueRangeProvider(id = "allowedSlots")
    public List<Slot> getAllowedSlots() { return allowedSlots; }

    @ValueRangeProvider(id = "allowedTables")
    public List<Table> getAllowedTables() { return allowedTables; }

    @PlanningPin
    public boolean isPinned() { return pinned; }
    public void setPinned(boolean pinned) { this.pinned = pinned; }

    /**
     * Marks the meeting as published at {@code slot} and {@code table} (a repair's starting point): placed anywhere
     * else it costs {@code moveCost} of medium score, and left out it costs {@code dropWeight} (at least its own
     * weight). A table of null means the published table no longer exists.
     */
    public void keepPublished(Slot slot, Table table, long moveCost, long dropWeight) {
        if (moveCost < 0 || dropWeight < 0) {
            throw new IllegalArgumentException("The move cost (" + moveCost + ") and drop weight (" + dropWeight
                    + ") of meeting (" + id + ") must be 0 or more.");
        }
        this.publishedSlot = slot;
        this.publishedTable = table;
        this.moveCost = moveCost;
        this.weight = Math.max(weight, dropWeight);
    }

    /** The slot a published version gave this meeting, or null when it is new. */
    public Slot getPublishedSlot() { return publishedSlot; }
    public Table getPublishedTable() { return publishedTable; }
    /** Medium cost of placing this published meeting in another slot than {@link #getPublishedSlot()}. */
    public long getMoveCost() { return moveCost; }

    /** Scheduled, but not in the slot a published version gave it (at a cost). */
    public boolean isMovedFromPublished() {
        return publishedSlot != null && moveCost > 0 && slot != null && !slot.equals(publishedSlot);
    }

    /** The seats of the event whose schedule holds this meeting; null for a meeting in no schedule yet. */
    public Seating getSeating() { return seating; }
    void useSeating(Seating seating) { this.seating = seating; }

    public Slot getSlot() { return slot; }
    public void setSlot(Slot slot) { this.slot = slot; }
    public Table getTable() { return table; }
    public void setTable(Table table) { this.table = table; }

    /**
     * The same meeting, placed and pinned as this one, in no schedule yet, on {@code event}'s own participants, slots
     * and tables ({@code event} equal to the one this meeting was made for): for a caller that keeps a list of
     * candidates and gives each solve or page its own copies, since a schedule and its solver change the meetings
     * they hold.
     */
    public Meeting copyIn(Event event) {
        Meeting copy = new Meeting(id, event.participant(first.id()), event.participant(second.id()), origin, weight,
                relevance, reasons, allowedSlots.stream().map(s -> in(event, s)).toList(),
                allowedTables.size() == event.tables().size() ? event.tables() // all: shared, as when made
                        : allowedTables.stream().map(t -> in(event, t)).toList(), after, sessionId);
        copy.pinned = pinned;
        copy.publishedSlot = in(event, publishedSlot);
        copy.publishedTable = in(event, publishedTable);
        copy.moveCost = moveCost;
        copy.slot = in(event, slot);
        copy.table = in(event, table);
        return copy;
    }

    /**
     * This meeting allowed only {@code slots} (slots that have started taken away, say): published where it was, at
     * the same cost to move, and placed where it is if that slot is still allowed, else unplaced. Itself when it
     * already is allowed exactly those.
     */
    public Meeting withAllowedSlots(List<Slot> slots) {
        if (slots.equals(allowedSlots)) {
            return this;
        }
        Meeting copy = new Meeting(id, first, second, origin, weight, relevance, reasons, slots, allowedTables, after,
                sessionId);
        copy.pinned = pinned;
        copy.publishedSlot = publishedSlot;
        copy.publishedTable = publishedTable;
        copy.moveCost = moveCost;
        boolean stays = slot != null && slots.contains(slot);
        copy.slot = stays ? slot : null;
        copy.table = stays ? table : null;
        return copy;
    }

    /**
     * This meeting under {@code newId}, placed, pinned and priced as it is: a meeting two participants agreed on keeps
     * the id its request names when a repair finds it in its pair's candidate. Itself when the id is the same.
     */
    public Meeting withId(String newId) {
        if (newId.equals(id)) {
            return this;
        }
        Meeting copy = new Meeting(newId, first, second, origin, weight, relevance, reasons, allowedSlots,
                allowedTables, after, sessionId);
        copy.pinned = pinned;
        copy.publishedSlot = publishedSlot;
        copy.publishedTable = publishedTable;
        copy.moveCost = moveCost;
        copy.slot = slot;
        copy.table = table;
        return copy;
    }

    private static Slot in(Event event, Slot slot) {
        return slot == null ? null : event.slot(slot.index());
    }

    private static Table in(Event event, Table table) {
        return table == null ? null : event.table(table.id());
    }

    public boolean isScheduled() { return slot != null; }

    public boolean involves(Participant participant) {
        return first.equals(participant) || second.equals(participant);
    }

    /** The other side of the meeting, seen from {@code participant}. */
    public Participant counterpart(Participant participant) {
        return first.equals(participant) ? second : first;
    }

    @Override
    public String toString() {
        return id + " " + first.id() + "+" + second.id() + (slot == null ? "" : " @" + slot.index())
                + (table == null ? "" : "/" + table.id());
    }
}
