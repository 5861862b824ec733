package org.b2g.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.b2g.core.matching.EventBuilder;
import org.junit.jupiter.api.Test;

class SeatingTest {

    private static List<String> ids(List<Table> tables) {
        return tables.stream().map(Table::id).toList();
    }

    @Test
    void seatsRepresentativeOneAtTheHomeTableAndTheOthersAtTheNearestFreeTables() {
        Event event = EventBuilder.slots(4).tables(8)
                .agency("a-big").limits("a-big", 3, 20).homeTable("a-big", "T1")
                .agency("a-mid").limits("a-mid", 2, 20).homeTable("a-mid", "T3")
                .agency("a-none")
                .startup("s-1").company("c-1").homeTable("c-1", "T8")
                .build();
        Seating seating = Seating.of(event);

        assertEquals(List.of("T1", "T2", "T4"), ids(seating.seatsOf(event.participant("a-big"))),
                "T3 is another agency's home");
        assertEquals(List.of("T3", "T5"), ids(seating.seatsOf(event.participant("a-mid"))));
        assertEquals(List.of("T8"), ids(seating.seatsOf(event.participant("c-1"))), "a home table makes anyone sit");
        assertEquals(List.of("T6"), ids(seating.seatsOf(event.participant("a-none"))),
                "an agency without a home table still sits, after those with one");
        assertFalse(seating.sits(event.participant("s-1")));
        assertEquals(2, seating.seatAt(event.participant("a-big"), event.table("T2")));
        assertEquals(0, seating.seatAt(event.participant("a-big"), event.table("T3")));
    }

    @Test
    void givesTheLastParticipantsFewerSeatsWhenTheTablesRunOut() {
        Event event = EventBuilder.slots(4).tables(2)
                .agency("a-big").limits("a-big", 3, 20).homeTable("a-big", "T1")
                .agency("a-none")
                .build();
        Seating seating = Seating.of(event);

        assertEquals(List.of("T1", "T2"), ids(seating.seatsOf(event.participant("a-big"))));
        assertFalse(seating.sits(event.participant("a-none")), "no table left: it walks");
    }

    @Test
    void numbersTheRepresentativesOfASlotBySeatThenGivesTheMeetingsAwayTheNumbersLeft() {
        Event event = EventBuilder.slots(4).tables(8)
                .agency("a-big").limits("a-big", 3, 20).homeTable("a-big", "T1")
                .startup("s-1").startup("s-2").startup("s-3").startup("s-4")
                .build();
        Participant agency = event.participant("a-big");
        Meeting atTwo = placed(event, "m1", "s-1", agency, 1, "T2");
        Meeting away = placed(event, "m2", "s-2", agency, 1, "T7");
        Meeting atOne = placed(event, "m3", "s-3", agency, 1, "T1");
        Meeting walkers = placed(event, "m4", "s-4", event.participant("s-1"), 2, "T3");

        Map<Meeting, Seating.Seat> seats = Seating.of(event).seatsOf(List.of(atTwo, away, atOne, walkers));

        assertEquals(new Seating.Seat(agency, 2, 3), seats.get(atTwo));
        assertEquals(new Seating.Seat(agency, 3, 3), seats.get(away), "representative 3 is the one left");
        assertEquals(new Seating.Seat(agency, 1, 3), seats.get(atOne));
        assertNull(seats.get(walkers), "two startups: nobody sits");
        assertTrue(Seating.of(event).sits(agency));
    }

    private static Meeting placed(Event event, String id, String first, Participant second, int slot, String table) {
        return Meetings.placed(event, id, event.participant(first), second, Origin.REQUEST, List.of(),
                event.slot(slot), event.table(table));
    }
}
