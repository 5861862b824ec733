package org.b2g.service;

import java.time.Clock;

import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.DayRepository;
import org.b2g.service.persistence.EventRepository;
import org.b2g.service.persistence.JobRepository;
import org.b2g.service.persistence.LinkRepository;
import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.ScheduleRepository;
import org.b2g.service.solving.Analyses;
import org.b2g.service.solving.Publication;
import org.b2g.service.solving.SelfService;
import org.b2g.service.solving.SolveJobs;
import org.b2g.service.solving.TheDay;

/** Everything the HTTP resources work with, opened once per process (or per test) and closed with it. */
public record Backend(Settings settings, Credentials credentials, Database database, EventRepository events,
        ScheduleRepository schedules, LinkRepository links, SolveJobs solving, Analyses analyses,
        Publication publication, TheDay day, SelfService selfService)
        implements AutoCloseable {

    /**
     * Opens the database and the rest; the credentials come from the environment, else from the data folder (embedded
     * database) or the shared database (PostgreSQL, where every replica must find the same ones).
     */
    public static Backend open(Settings settings) {
        return open(settings, null);
    }

    /** As {@link #open(Settings)} with given credentials (null: as there). */
    public static Backend open(Settings settings, Credentials given) {
        return open(settings, given, Clock.systemUTC());
    }

    /**
     * As {@link #open(Settings, Credentials)} with the time from {@code clock}: job leases, marks, and the slots a
     * repair or solve finds already started (tests fix it).
     */
    public static Backend open(Settings settings, Credentials given, Clock clock) {
        Database database = Database.open(settings.jdbcUrl(), settings.dbPoolSize());
        try {
            Credentials credentials = given != null ? given
                    : database.isShared()
                            ? Credentials.shared(database, System.getenv("B2G_ADMIN_TOKEN"),
                                    System.getenv("B2G_TOKEN_SECRET"))
                            : Credentials.load(settings.dataDir(), System.getenv("B2G_ADMIN_TOKEN"),
                                    System.getenv("B2G_TOKEN_SECRET"));
            EventRepository events = new EventRepository();
            ScheduleRepository schedules = new ScheduleRepository();
            DayRepository day = new DayRepository();
            RequestRepository requests = new RequestRepository();
            SolveJobs solving = new SolveJobs(database, events, schedules, day, requests,
                    new JobRepository(database.isShared()), settings.solveThreads(), settings.solveQueue(),
                    clock, settings.jobLease(), settings.jobPoll());
            Analyses analyses = new Analyses(settings.solveThreads(), settings.solveQueue() + 8);
            return new Backend(settings, credentials, database, events, schedules, new LinkRepository(), solving,
                    analyses, new Publication(database, events, schedules, day, requests, clock),
                    new TheDay(database, events, schedules, day, requests, clock),
                    new SelfService(database, events, schedules, day, requests, clock));
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
