package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.b2g.core.domain.Event;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.EventWorkbook;
import org.b2g.core.sheets.Imported;
import org.junit.jupiter.api.Test;

class SampleWorkbookTest {

    @Test
    void theCommittedWorkbookIsTheSameEventAsTheJsonSample() throws IOException {
        byte[] workbook;
        try (InputStream in = Samples.class.getResourceAsStream(Samples.HCMC_DX_DAY + ".xlsx")) {
            workbook = in.readAllBytes();
        }
        Imported imported = EventSheets.readXlsx(workbook, "hcmc-dx-day.xlsx");
        assertSameEvent(Samples.load(Samples.HCMC_DX_DAY), imported.event());
        assertEquals(0, imported.warnings().size(), imported.warnings().toString());
    }

    @Test
    void theSampleRoundTripsFromJsonThroughAWorkbookToTheSameEvent() throws IOException {
        Event sample = Samples.load(Samples.HCMC_DX_DAY);
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        EventWorkbook.write(sample, workbook);
        assertSameEvent(sample, EventSheets.readXlsx(workbook.toByteArray(), "round-trip.xlsx").event());
    }

    @Test
    void aGeneratedEventRoundTripsToo() throws IOException {
        Event generated = org.b2g.core.io.EventJson.read(new EventGenerator(200, 30, 7).json(), "generated");
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        EventWorkbook.write(generated, workbook);
        assertSameEvent(generated, EventSheets.readXlsx(workbook.toByteArray(), "generated.xlsx").event());
    }

    /** Every fact the engine reads from an event is equal. */
    static void assertSameEvent(Event expected, Event actual) {
        assertEquals(expected.id(), actual.id(), "id");
        assertEquals(expected.name(), actual.name(), "name");
        assertEquals(expected.timeZone(), actual.timeZone(), "timeZone");
        assertEquals(expected.slotMinutes(), actual.slotMinutes(), "slotMinutes");
        assertEquals(expected.sessions(), actual.sessions(), "sessions");
        assertEquals(expected.slots(), actual.slots(), "slots");
        assertEquals(expected.tables(), actual.tables(), "tables");
        assertEquals(expected.participants(), actual.participants(), "participants");
        assertEquals(expected.meetings(), actual.meetings(), "meetings");
        assertEquals(expected.requests(), actual.requests(), "requests");
        assertEquals(expected.exclusions(), actual.exclusions(), "exclusions");
        assertEquals(expected.rules(), actual.rules(), "rules");
    }
}
