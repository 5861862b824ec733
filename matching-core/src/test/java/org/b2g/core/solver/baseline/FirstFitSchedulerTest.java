package org.b2g.core.solver.baseline;

import static org.b2g.core.matching.EventBuilder.need;
import static org.b2g.core.matching.EventBuilder.offering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.EventBuilder;
import org.b2g.core.solver.ScoreBreakdown;
import org.junit.jupiter.api.Test;

class FirstFitSchedulerTest {

    private static Map<String, Meeting> byId(MeetingSchedule schedule) {
        return schedule.getMeetings().stream().collect(Collectors.toMap(Meeting::getId, Function.identity()));
    }

    /** Every hard rule of problem.md, checked from scratch; returns the broken ones. */
    static List<String> hardViolations(MeetingSchedule schedule) {
        Event event = schedule.getEvent();
        List<String> broken = new ArrayList<>();
        Map<String, Integer> perParticipantSlot = new HashMap<>();
        Map<String, Integer> perTableSlot = new HashMap<>();
        Map<Participant, List<Integer>> slotsOf = new HashMap<>();
        for (Meeting m : schedule.getMeetings()) {
            if (!m.isScheduled()) {
                if (m.isRequired()) {
                    broken.add("required " + m.getId() + " unscheduled");
                }
                continue;
            }
            int slot = m.getSlot().index();
            assertNotNull(m.getTable(), m.getId());
            if (perTableSlot.merge(m.getTable().id() + "@" + slot, 1, Integer::sum) > 1) {
                broken.add("table " + m.getTable().id() + " twice in slot " + slot);
            }
            if (event.excluded(m.getFirst().id(), m.getSecond().id())) {
                broken.add("excluded pair meets: " + m.getId());
            }
            for (Participant p : m.getParticipants()) {
                if (perParticipantSlot.merge(p.id() + "@" + slot, 1, Integer::sum) > p.representatives()) {
                    broken.add(p.id() + " double booked in slot " + slot);
                }
                if (!p.isAvailable(slot)) {
                    broken.add(p.id() + " unavailable in slot " + slot);
                }
                slotsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(slot);
            }
            for (String earlier : m.getAfter()) {
                Meeting e = byId(schedule).get(earlier);
                if (e.isScheduled() && e.getSlot().index() >= slot) {
                    broken.add("precedence " + earlier + " < " + m.getId());
                }
            }
        }
        int[] days = Breaks.dayOfSlot(event.slots());
        slotsOf.forEach((p, slots) -> {
            if (slots.size() > p.maxMeetings()) {
                broken.add(p.id() + " has " + slots.size() + " meetings");
            }
            int breaks = Breaks.count(slots.stream().mapToInt(Integer::intValue).toArray(), days);
            if (event.rules().capsBreaks() && breaks > event.rules().maxBreaksPerParticipant()) {
                broken.add(p.id() + " has " + breaks + " breaks");
            }
        });
        return broken;
    }

    @Test
    void respectsEveryHardRuleOnARandomEvent() {
        Random random = new Random(7);
        String[] themes = {"flooding", "traffic", "records", "health", "education"};
        EventBuilder builder = EventBuilder.slots(8).tables(4).rules(1, 3, 0.1);
        for (int s = 1; s <= 30; s++) {
            String theme = themes[random.nextInt(themes.length)];
            builder.startup("s-" + s, offering(theme + " product " + s, theme + " solution", theme));
            if (random.nextInt(4) == 0) {
                builder.unavailable("s-" + s, 1 + random.nextInt(8), 1 + random.nextInt(8));
            }
        }
        for (int a = 1; a <= 6; a++) {
            builder.agency("a-" + a, need(themes[a % themes.length] + " need", "", 1, themes[a % themes.length]));
            builder.limits("a-" + a, a % 2 == 0 ? 2 : 1, 6);
        }
        for (int i = 0; i < 25; i++) {
            builder.request("s-" + (1 + random.nextInt(30)), "a-" + (1 + random.nextInt(6)),
                    Priority.values()[random.nextInt(3)]);
        }
        builder.exclude("s-1", "a-1").exclude("s-2", "a-2");
        builder.required("m-1", "s-3", "a-3").required("m-2", "s-4", "a-3", "m-1");
        Event event = builder.build();
        MeetingSchedule schedule = FirstFitScheduler.schedule(event, Candidates.forEvent(event));
        assertEquals(List.of(), hardViolations(schedule));
        assertEquals(List.of(), ScoreBreakdown.of(schedule).violations(), "the constraint provider agrees");
        assertTrue(schedule.getMeetings().stream().filter(Meeting::isScheduled).count() > 20);
    }

    @Test
    void placesStrongerDemandFirst() {
        Event event = EventBuilder.slots(1)
                .startup("s-1", offering("Flood sensors", "", "flooding"))
                .startup("s-2")
                .agency("a-1", need("Flood warning", "", 1, "flooding"))
                .request("s-2", "a-1", Priority.HIGH)
                .build();
        Map<String, Meeting> placed = byId(FirstFitScheduler.schedule(event, Candidates.forEvent(event)));
        assertNotNull(placed.get("c-s-2-a-1").getSlot());
        assertNull(placed.get("c-s-1-a-1").getSlot());
    }

    @Test
    void prefersTheHomeTableAndLeavesTheCandidatesUntouched() {
        Event event = EventBuilder.slots(2).tables(3)
                .startup("s-1").agency("a-1").homeTable("a-1", "T3")
                .request("s-1", "a-1", Priority.NORMAL).build();
        List<Meeting> candidates = Candidates.forEvent(event);
        Meeting placed = FirstFitScheduler.schedule(event, candidates).getMeetings().get(0);
        assertEquals("T3", placed.getTable().id());
        assertEquals(1, placed.getSlot().index());
        assertNull(candidates.get(0).getSlot());
    }

    @Test
    void keepsPrecedenceAndTheBreakCap() {
        Event event = EventBuilder.slots(5).tables(2)
                .startup("s-1").startup("s-2").agency("a-1").agency("a-2")
                .unavailable("s-2", 1, 2)
                .required("m-late", "s-1", "a-2", "m-early")
                .required("m-early", "s-2", "a-1")
                .rules(0, 3, 0.2).build();
        MeetingSchedule schedule = FirstFitScheduler.schedule(event, Candidates.forEvent(event));
        Map<String, Meeting> placed = byId(schedule);
        assertEquals(3, placed.get("m-early").getSlot().index());
        assertEquals(4, placed.get("m-late").getSlot().index());
        assertEquals(List.of(), hardViolations(schedule));
    }
}
