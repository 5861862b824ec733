package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FieldLookalikesTest {

    @Test
    void namesAFieldALetterOrTheCaseAwayFromOneTheObjectLacks() {
        // in document order: participants come before rules in BASE
        String json = EventJsonTest.BASE.replace("{\"id\": \"s-1\", \"role\": \"startup\"}",
                "{\"id\": \"s-1\", \"role\": \"startup\", \"unavailableSlot\": [1], \"Name\": \"One\"}")
                .replace("\"exclusions\":", "\"rules\": {\"maxBreakPerParticipant\": 1}, \"exclusions\":");
        assertEquals(List.of(
                "participants[0].unavailableSlot is not a field of b2g-event/1 and is ignored; did you mean"
                        + " unavailableSlots?",
                "participants[0].Name is not a field of b2g-event/1 and is ignored; did you mean name?",
                "rules.maxBreakPerParticipant is not a field of b2g-event/1 and is ignored; did you mean"
                        + " maxBreaksPerParticipant?"),
                EventJson.misspeltFields(json, "event.json"));
    }

    @Test
    void leavesFieldsOtherToolsAddAndLookalikesOfFieldsGivenAlone() {
        String json = EventJsonTest.BASE.replace("{\"id\": \"s-1\", \"role\": \"startup\"}",
                "{\"id\": \"s-1\", \"role\": \"startup\", \"crmId\": 17, \"ids\": [\"x\"], \"website\": \"x.vn\"}")
                .replace("\"format\": \"b2g-event/1\",", "\"format\": \"b2g-event/1\", \"generator\": \"tool 2\",");
        assertEquals(List.of(), EventJson.misspeltFields(json, "event.json"));
    }
}
