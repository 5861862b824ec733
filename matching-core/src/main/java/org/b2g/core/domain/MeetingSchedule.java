package org.b2g.core.domain;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: an event's candidate meetings and where they landed.
 * Score levels: hard = the rules of docs/scoring.md; medium = demand and fairness; soft = breaks (weighted
 * {@code 1000} each), then meetings away from a seat and table changes.
 */
@PlanningSolution
public class MeetingSchedule {

    private Event event;
    @ProblemFactProperty
    private Rules rules;
    @ProblemFactCollectionProperty
    private List<Participant> participants;
    @ProblemFactCollectionProperty
    private List<Slot> slots;
    @ProblemFactCollectionProperty
    private List<Table> tables;
    @ProblemFactCollectionProperty
    private List<Precedence> precedences;
    @ProblemFactCollectionProperty
    private List<Exclusion> exclusions;
    /** Also handed to every meeting, where the constraints read it (see {@link Meeting#getSeating()}). */
    private Seating seating;
    @PlanningEntityCollectionProperty
    private List<Meeting> meetings;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver's cloner. */
    public MeetingSchedule() {
    }

    public MeetingSchedule(Event event, List<Meeting> meetings) {
        this.event = event;
        this.rules = event.rules();
        this.participants = event.participants();
        this.slots = event.slots();
        this.tables = event.tables();
        this.exclusions = event.exclusions();
        this.seating = Seating.of(event);
        this.meetings = new ArrayList<>(meetings);
        for (Meeting meeting : this.meetings) {
            meeting.useSeating(seating);
        }
        List<Precedence> links = new ArrayList<>();
        for (Meeting meeting : meetings) {
            for (String earlier : meeting.getAfter()) {
                links.add(new Precedence(earlier, meeting.getId()));
            }
        }
        this.precedences = List.copyOf(links);
    }

    public Event getEvent() { return event; }
    public Rules getRules() { return rules; }
    public List<Participant> getParticipants() { return participants; }
    public List<Slot> getSlots() { return slots; }
    public List<Table> getTables() { return tables; }
    public List<Precedence> getPrecedences() { return precedences; }
    public List<Exclusion> getExclusions() { return exclusions; }
    /** Who sits where, and who walks (see {@link Seating}). */
    public Seating getSeating() { return seating; }
    public List<Meeting> getMeetings() { return meetings; }
    public HardMediumSoftLongScore getScore() { return score; }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }
}
