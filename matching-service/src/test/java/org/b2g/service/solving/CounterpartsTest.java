package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.core.solver.SolveOptions;
import org.b2g.datasets.Samples;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.persistence.RequestRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-service counterparts on the HCMC sample, solved and published as the demo has it: the solver places almost
 * every candidate, so a list of the candidates alone was empty for nearly everybody; the list is every counterpart of
 * the other side one may still meet, most relevant first.
 */
class CounterpartsTest {

    private static final String ID = "hcmc";
    private static Path dir;
    private static Backend backend;
    private static Event event;
    private static ScheduleFile published;

    @BeforeAll
    static void publishTheSample() throws Exception {
        dir = TestService.dataDir("b2g-counterparts-test");
        backend = TestService.backend(dir);
        String body = Samples.json(Samples.HCMC_DX_DAY).replace("\"hcmc-dx-day-2024\"", "\"" + ID + "\"");
        event = EventJson.read(body, "sample");
        backend.database().inTransaction(c -> backend.events().insert(c, ID, "hcmc", event.participants().size(), 1L,
                body));
        backend.solving().start(ID, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(3)));
        assertEquals(JobStatus.State.DONE, backend.solving().await(ID, Duration.ofSeconds(90)).state());
        backend.publication().publish(ID, 0);
        published = ScheduleJson.read(backend.publication().body(ID, 1), "v1");
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static boolean meet(String a, String b) {
        return published.meetings().stream().anyMatch(p -> p.first().equals(a) && p.second().equals(b)
                || p.first().equals(b) && p.second().equals(a));
    }

    @Test
    void everyStartupAndAgencyWithAFreeCounterpartIsOfferedEveryOneOfThem() {
        Openings openings = Openings.of(event, published, "v1");
        int offered = 0;
        for (Participant self : event.participants()) {
            Set<String> expected = new TreeSet<>();
            for (Participant other : event.participants()) {
                if (other.role() != self.role() && !meet(self.id(), other.id())
                        && !event.excluded(self.id(), other.id())
                        && openings.find(self.id(), other.id(), 1).found()) {
                    expected.add(other.id());
                }
            }
            SelfService.Offer offer = backend.selfService().counterparts(ID, self.id(), 5000);
            Set<String> free = new TreeSet<>();
            for (SelfService.Counterpart c : offer.counterparts()) {
                assertFalse(meet(self.id(), c.participant().id()), self.id() + " meets " + c.participant().id());
                assertFalse(event.excluded(self.id(), c.participant().id()));
                if (!c.openings().isEmpty()) {
                    free.add(c.participant().id());
                } else {
                    assertTrue(c.origin() != null && c.reason() != null, "only a candidate is listed without a slot,"
                            + " with the reason: " + c);
                }
            }
            assertEquals(expected, free, self.id());
            assertEquals(offer.counterparts().size(), offer.total());
            if (!free.isEmpty()) {
                offered++;
            }
        }
        assertTrue(offered >= event.participants().size() * 3 / 4, offered + " of " + event.participants().size()
                + " participants have somebody to ask");
    }

    @Test
    void theRequestedComeFirstThenTheMostRelevantAndOnesWithoutASlotLast() {
        for (Participant self : event.participants()) {
            List<SelfService.Counterpart> list = backend.selfService().counterparts(ID, self.id(), 5000)
                    .counterparts();
            for (int i = 1; i < list.size(); i++) {
                SelfService.Counterpart a = list.get(i - 1);
                SelfService.Counterpart b = list.get(i);
                String where = self.id() + " at " + i + ": " + a.participant().id() + " before "
                        + b.participant().id();
                assertTrue(!a.openings().isEmpty() || b.openings().isEmpty(), where);
                if (a.openings().isEmpty() == b.openings().isEmpty() && tier(a) == tier(b)) {
                    assertTrue(a.relevance() >= b.relevance(), where);
                } else if (a.openings().isEmpty() == b.openings().isEmpty()) {
                    assertTrue(tier(a) < tier(b), where);
                }
            }
        }
    }

    private static int tier(SelfService.Counterpart c) {
        return c.origin() == Origin.MUST ? 0 : c.origin() == Origin.MUTUAL ? 1 : c.origin() == Origin.REQUEST ? 2 : 3;
    }

    @Test
    void aCounterpartNobodyProposedCanBeAskedAndAcceptedWithTheReasonsItIsRelevant() {
        backend.selfService().setEnabled(ID, true);
        Participant startup = event.participants().stream().filter(p -> p.role() == Role.STARTUP).findFirst()
                .orElseThrow();
        SelfService.Counterpart other = backend.selfService().counterparts(ID, startup.id(), 5000).counterparts()
                .stream().filter(c -> c.origin() == null && c.relevance() > 0).findFirst().orElseThrow();
        assertFalse(other.reasons().isEmpty(), "why it is relevant");
        int slot = other.openings().get(0).slot().index();

        RequestRepository.StoredRequest asked = backend.selfService().ask(ID, startup.id(), other.participant().id(),
                slot);
        RequestRepository.StoredRequest accepted = backend.selfService().accept(ID, other.participant().id(),
                asked.id());

        assertEquals(RequestRepository.State.ACCEPTED, accepted.state());
        Set<String> now = new HashSet<>();
        backend.selfService().counterparts(ID, startup.id(), 5000).counterparts()
                .forEach(c -> now.add(c.participant().id()));
        assertFalse(now.contains(other.participant().id()), "met now, so no longer offered");
        backend.selfService().cancel(ID, startup.id(), asked.id());
    }

    @Test
    void theListIsCutAtTheLimitAndSaysHowManyThereAre() {
        Participant agency = event.participants().stream().filter(p -> p.role() == Role.AGENCY).findFirst()
                .orElseThrow();
        SelfService.Offer all = backend.selfService().counterparts(ID, agency.id(), 5000);
        SelfService.Offer two = backend.selfService().counterparts(ID, agency.id(), 2);
        assertTrue(all.total() > 2, "an agency may meet more than two startups: " + all.total());
        assertEquals(all.total(), two.total());
        assertEquals(all.counterparts().subList(0, 2).stream().map(c -> c.participant().id()).toList(),
                two.counterparts().stream().map(c -> c.participant().id()).toList());
    }
}
