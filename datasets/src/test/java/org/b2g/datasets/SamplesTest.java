package org.b2g.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Role;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.baseline.FirstFitScheduler;
import org.junit.jupiter.api.Test;

class SamplesTest {

    private static final Event SAMPLE = Samples.load(Samples.HCMC_DX_DAY);

    @Test
    void theCommittedSampleIsWhatTheGeneratorWrites() {
        assertEquals(EventGenerator.hcmcSample().json(), Samples.json(Samples.HCMC_DX_DAY),
                "regenerate with: ./b2g generate --sample hcmc-dx-day --out "
                        + "datasets/src/main/resources/org/b2g/datasets/hcmc-dx-day.json");
    }

    @Test
    void hasSixtyStartupsAndTwentyCityAgencies() {
        List<Participant> agencies = SAMPLE.participants().stream().filter(p -> p.role() == Role.AGENCY).toList();
        assertEquals(60, SAMPLE.participants().stream().filter(p -> p.role() == Role.STARTUP).count());
        assertEquals(20, agencies.size());
        Set<String> names = agencies.stream().map(Participant::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Sở Thông tin và Truyền thông TP.HCM", "Sở Giao thông Vận tải TP.HCM",
                "Sở Tài nguyên và Môi trường TP.HCM", "Sở Y tế TP.HCM", "Sở Giáo dục và Đào tạo TP.HCM",
                "UBND Quận 1", "UBND TP Thủ Đức")), names.toString());
        assertTrue(agencies.stream().anyMatch(a -> a.representatives() > 1));
    }

    @Test
    void hasTwoHalfDaySessionsInHoChiMinhCityTime() {
        assertEquals("Asia/Ho_Chi_Minh", SAMPLE.timeZone().getId());
        assertEquals(2, SAMPLE.sessions().size());
        assertEquals("08:30", SAMPLE.slot(1).start().toLocalTime().toString());
        assertEquals("13:30", SAMPLE.slot(11).start().toLocalTime().toString());
    }

    @Test
    void hasRequestsOfEveryKindExclusionsAndRequiredMeetings() {
        assertTrue(SAMPLE.requests().stream().anyMatch(r -> r.priority() == Priority.MUST));
        assertTrue(SAMPLE.requests().stream().anyMatch(r -> r.priority() == Priority.HIGH));
        assertTrue(SAMPLE.requests().stream().anyMatch(r -> r.priority() == Priority.NORMAL));
        assertFalse(SAMPLE.exclusions().isEmpty());
        assertFalse(SAMPLE.meetings().isEmpty());
        List<Meeting> candidates = Candidates.forEvent(SAMPLE);
        for (Origin origin : Origin.values()) {
            assertTrue(candidates.stream().anyMatch(m -> m.getOrigin() == origin), "no " + origin + " candidate");
        }
    }

    @Test
    void mixesVietnameseAndEnglishAndSometimesOmitsDiacritics() {
        Set<String> titles = SAMPLE.participants().stream()
                .flatMap(p -> p.offerings().stream().map(o -> o.title())).collect(Collectors.toSet());
        List<Vocabulary.Text> vocabulary = Vocabulary.THEMES.stream().flatMap(t -> t.offerings().stream()).toList();
        assertTrue(vocabulary.stream().anyMatch(t -> titles.contains(t.enTitle())), "English");
        assertTrue(vocabulary.stream().anyMatch(t -> titles.contains(t.viTitle())), "Vietnamese");
        assertTrue(vocabulary.stream().anyMatch(t -> titles.contains(EventGenerator.withoutDiacritics(t.viTitle()))),
                "Vietnamese typed without diacritics");
    }

    @Test
    void theBaselineSchedulesTheSampleWithItsRequiredMeetings() {
        MeetingSchedule schedule = FirstFitScheduler.schedule(SAMPLE, Candidates.forEvent(SAMPLE));
        assertTrue(schedule.getMeetings().stream().filter(Meeting::isRequired).allMatch(Meeting::isScheduled));
        assertTrue(schedule.getMeetings().stream().filter(Meeting::isScheduled).count() > 100);
    }
}
