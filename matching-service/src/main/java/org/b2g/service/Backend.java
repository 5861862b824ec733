package org.b2g.service;

import java.time.Clock;

import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.JobRepository;
import org.b2g.service.persistence.LinkRepository;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.solving.Analyses;
import org.b2g.service.solving.Publication;
import org.b2g.service.solving.TheDay;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.solving.SolveJobs;

/** Everything the HTTP resources work with, opened once per process (or per test) and closed with it. */
public record Backend(Settings settings, Credentials credentials, Database database, EventRepository events,
        ScheduleRepository schedules, LinkRepository links, SolveJobs solving, Analyses analyses,
        Publication publication, TheDay day)
        implements AutoCloseable {

    public static Backend open(Settings settings, Credentials credentials) {
        Database database = Database.open(settings.jdbcUrl(), settings.dbPoolSize());
        try {
            EventRepository events = new EventRepository();
            ScheduleRepository schedules = new ScheduleRepository();
            SolveJobs solving = new SolveJobs(database, events, schedules, new JobRepository(),
                    settings.solveThreads(), settings.solveQueue(), Clock.systemUTC());
            Analyses analyses = new Analyses(settings.solveThreads(), settings.solveQueue() + 8);
            return new Backend(settings, credentials, database, events, schedules, new LinkRepository(), solving,
                    analyses, new Publication(database, events, schedules, Clock.systemUTC()),
                    new TheDay(database, events, schedules, new DayRepository(), Clock.systemUTC()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        solving.close();
        analyses.close();
        database.close();
    }
}
