package org.b2g.service;

import java.time.Duration;

import io.helidon.config.Config;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventJson;
import org.b2g.core.solver.SolveOptions;
import org.b2g.datasets.Samples;
import org.b2g.service.solving.JobStatus;

/**
 * {@code b2g demo}: the service on its defaults with the sample event stored and solved, and the addresses to open
 * printed, so that a first look takes one command.
 */
final class Demo {

    /** A small event of this module: the service's tests use it, and the demo when the datasets sample is absent. */
    static final String SAMPLE = "/org/b2g/service/demo-event.json";

    private Demo() {
    }

    static void run(Config config) {
        Main.Running running = Main.start(config);
        Backend backend = running.backend();
        boolean shipped = Samples.class.getResource(Samples.HCMC_DX_DAY + ".json") != null;
        String json = shipped ? Samples.json(Samples.HCMC_DX_DAY) : Main.resource(SAMPLE);
        Event event = EventJson.read(json, shipped ? "sample " + Samples.HCMC_DX_DAY : SAMPLE);
        backend.database().inTransaction(c -> {
            long now = System.currentTimeMillis();
            if (!backend.events().insert(c, event.id(), event.name(), event.participants().size(), now, json)) {
                backend.events().replace(c, event.id(), event.name(), event.participants().size(), now, json);
            }
            return null;
        });
        Duration limit = Main.demoTimeLimit(config);
        System.out.println("Solving " + event.name() + " (" + event.participants().size() + " participants) for up to "
                + limit.toSeconds() + " s...");
        JobStatus status = backend.solving().start(event.id(), SolveOptions.DEFAULT.withTimeLimit(limit));
        try {
            // The job ends by its time limit; the extra minute covers building the solver on a slow machine.
            status = backend.solving().await(event.id(), limit.plusMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String url = running.url();
        String eventPath = url + "/api/events/" + PersonalLinks.encode(event.id());
        if (status.state() == JobStatus.State.DONE) {
            // The demo's organizer publishes the first draft at once, so that the links below show an agenda.
            backend.publication().publish(event.id(), 0);
        }
        System.out.println(switch (status.state()) {
            case DONE -> "Solved and published: " + status.scheduled() + " meetings scheduled, score "
                    + status.score() + ".";
            case SOLVING -> "Still solving; the console shows its progress.";
            case FAILED -> "Solving failed: " + status.reason();
        });
        Participant first = event.participants().get(0);
        String linkKey = backend.database().inTransaction(c -> backend.events().linkKey(c, event.id())).key();
        int generation = backend.database().inTransaction(c -> backend.links().generation(c, event.id(), first.id()));
        String token = backend.credentials().participantToken(linkKey, first.id(), generation);
        String link = PersonalLinks.agenda(url, backend.settings().linkTemplate(), event.id(), first.id(), token);
        System.out.println();
        System.out.println("  Organizer console : " + url + "/");
        System.out.println("  API description   : " + url + "/api/openapi");
        System.out.println("  Schedule (JSON)   : " + eventPath + "/schedule   (Authorization: Bearer <organizer token>)");
        System.out.println("  Participant link  : " + link + "   (" + first.label() + ")");
        System.out.println("  Participant .ics  : " + PersonalLinks.calendar(url, event.id(), first.id(), token));
        System.out.println("  Organizer token   : " + Main.tokenPlace(backend.settings(), backend.credentials()));
        System.out.println();
        System.out.println("Press Ctrl+C to stop.");
    }
}
