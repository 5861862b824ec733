package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.junit.jupiter.api.Test;

class WeekOfChangesTest {

    private static final EventGenerator GENERATOR = new EventGenerator(100, 20, 5);

    /** A published schedule stand-in: a few meetings, two of them in the last slots of the day. */
    private static ScheduleFile published(Event event) {
        List<String> startups = event.participants().stream().filter(p -> p.role().code().equals("startup"))
                .map(p -> p.id()).toList();
        List<String> agencies = event.participants().stream().filter(p -> p.role().code().equals("agency"))
                .map(p -> p.id()).toList();
        return new ScheduleFile(event.id(), null, List.of(
                new Placement("c-1", startups.get(0), agencies.get(0), EventGenerator.SLOTS, "T01", Origin.REQUEST),
                new Placement("c-2", startups.get(1), agencies.get(1), EventGenerator.SLOTS - 1, "T02",
                        Origin.RECOMMENDED),
                new Placement("c-3", startups.get(2), agencies.get(2), 3, "T03", Origin.MUTUAL)));
    }

    @Test
    void changesAGeneratedEventTheWayAWeekWouldAndStaysReadable() {
        JsonObject event = GENERATOR.generate();
        Event before = EventJson.read(GENERATOR.json(), "event.json");

        JsonObject after = WeekOfChanges.apply(event, published(before), 7);
        Event changed = EventJson.read(after.toString(), "changed.json");

        long late = changed.participants().stream().filter(p -> p.id().startsWith(WeekOfChanges.LATE_PREFIX)).count();
        assertEquals(WeekOfChanges.LATE_STARTUPS, late);
        // 3 % of 100 startups cancel; 30 arrive.
        assertEquals(before.participants().size() - 3 + 30, changed.participants().size());
        assertEquals(before.exclusions().size() + 2 - cancelledExclusions(before, changed), changed.exclusions().size());
        long leaving = changed.participants().stream()
                .filter(p -> !p.isAvailable(EventGenerator.SLOTS) && !p.isAvailable(EventGenerator.SLOTS - 1))
                .count();
        assertTrue(leaving >= 1, "an agency that met people at the end of the day leaves early");
        assertTrue(changed.requests().stream().anyMatch(r -> r.from().startsWith(WeekOfChanges.LATE_PREFIX)
                && r.priority().code().equals("must")));
    }

    @Test
    void theSameSeedGivesTheSameWeek() {
        JsonObject event = GENERATOR.generate();
        ScheduleFile published = published(EventJson.read(GENERATOR.json(), "event.json"));
        assertEquals(WeekOfChanges.apply(event, published, 7), WeekOfChanges.apply(event, published, 7));
    }

    /** Exclusions that named a startup who cancelled go with it. */
    private static int cancelledExclusions(Event before, Event changed) {
        return (int) before.exclusions().stream()
                .filter(x -> changed.participant(x.first()) == null || changed.participant(x.second()) == null)
                .count();
    }
}
