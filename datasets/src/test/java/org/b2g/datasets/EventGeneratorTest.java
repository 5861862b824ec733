package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    @Test
    void sameSeedGivesTheSameEvent() {
        assertEquals(new EventGenerator(40, 12, 7).json(), new EventGenerator(40, 12, 7).json());
    }

    @Test
    void anotherSeedGivesAnotherEvent() {
        assertNotEquals(new EventGenerator(40, 12, 7).json(), new EventGenerator(40, 12, 8).json());
    }

    @Test
    void generatesTheAskedSizeAndTheReaderAcceptsIt() {
        Event event = EventJson.read(new EventGenerator(150, 60, 3).json(), "generated");
        List<Participant> participants = event.participants();
        assertEquals(150, participants.stream().filter(p -> p.role() == Role.STARTUP).count());
        assertEquals(60, participants.stream().filter(p -> p.role() == Role.AGENCY).count());
        assertTrue(participants.stream().anyMatch(p -> p.label().startsWith("UBND Phường")),
                "beyond the city's departments and districts come ward committees");
        assertEquals(20, event.slotCount());
        assertTrue(participants.stream().filter(p -> p.role() == Role.AGENCY)
                .allMatch(p -> p.homeTable() != null && event.table(p.homeTable()) != null));
    }

    @Test
    void vietnameseWithoutDiacriticsDropsTheStrokeOfD() {
        assertEquals("Du lieu do thi", EventGenerator.withoutDiacritics("Dữ liệu đô thị"));
        assertEquals("Dong Nai", EventGenerator.withoutDiacritics("Đồng Nai"));
    }

    @Test
    void rejectsSizesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new EventGenerator(0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new EventGenerator(5, EventGenerator.maxAgencies() + 1, 1));
    }

    @Test
    void commandRejectsBadArgumentsWithOneLineAndExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, GenerateCommand.run(List.of("--startups", "ten", "--agencies", "3"), out, errStream));
        assertEquals("--startups (ten) is not a whole number.", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals(2, GenerateCommand.run(List.of("--agencies", "3"), out, errStream));
        assertEquals(2, GenerateCommand.run(List.of("--startups", "3", "--agencies", "2", "--colour", "red"), out,
                errStream));
    }

    @Test
    void commandWritesTheEventToStandardOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, GenerateCommand.run(List.of("--startups", "5", "--agencies", "3", "--seed", "9"), out,
                System.err));
        assertEquals(new EventGenerator(5, 3, 9).json(), bytes.toString(StandardCharsets.UTF_8));
    }
}
