package org.b2g.service;

import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;

import org.b2g.core.cli.Durations;

/**
 * The service's settings, read once from {@code application.yaml} and the command line.
 *
 * @param linkTemplate a participant's personal link relative to {@code publicUrl}, with {@code {event}},
 *        {@code {participant}} and {@code {token}} placeholders
 * @param jobLease how long a solve job stays with a replica that stopped renewing it (it died) before another
 *        replica may take it over; renewed every third of it
 * @param jobPoll how often a replica with a free solver thread looks for jobs queued or left by others
 * @param limits the largest event the service accepts
 */
public record Settings(Path dataDir, String jdbcUrl, int dbPoolSize, long maxBodyBytes, int solveThreads,
        int solveQueue, Duration jobLease, Duration jobPoll, Duration defaultTimeLimit, Duration maxTimeLimit, String publicUrl, String linkTemplate,
        Limits limits) {

    /**
     * The size of the largest event accepted at upload: beyond them the memory and time of matching and solving
     * grow past what one service should give one request.
     *
     * @param maxRequests requests and required meetings together (they all become candidates)
     */
    public record Limits(int maxParticipants, int maxSlots, int maxTables, int maxRequests,
            int maxRecommendationsPerParticipant) {
    }

    public static Settings from(Config config) {
        Config b2g = config.get("b2g");
        Path data = Path.of(b2g.get("data").asString().orElse("./data"));
        String db = b2g.get("db").asString().orElse("");
        if (db.isBlank()) {
            db = "jdbc:hsqldb:file:" + data.resolve("db").resolve("b2g").toAbsolutePath();
        }
        return new Settings(data, db,
                b2g.get("db-pool-size").asInt().orElse(8),
                b2g.get("max-body-bytes").asLong().orElse(16L << 20),
                b2g.get("solve-threads").asInt().orElse(Math.max(1, Runtime.getRuntime().availableProcessors())),
                b2g.get("solve-queue").asInt().orElse(8),
                Durations.parse("b2g.job-lease", b2g.get("job-lease").asString().orElse("15s")),
                Durations.parse("b2g.job-poll", b2g.get("job-poll").asString().orElse("1s")),
                Durations.parse("b2g.default-time-limit", b2g.get("default-time-limit").asString().orElse("30s")),
                Durations.parse("b2g.max-time-limit", b2g.get("max-time-limit").asString().orElse("30m")),
                b2g.get("public-url").asString().orElse(""),
                b2g.get("participant-link").asString()
                        .orElse("/agenda.html?event={event}&participant={participant}&token={token}"),
                new Limits(b2g.get("max-participants").asInt().orElse(5000),
                        b2g.get("max-slots").asInt().orElse(200),
                        b2g.get("max-tables").asInt().orElse(2000),
                        b2g.get("max-requests").asInt().orElse(200_000),
                        b2g.get("max-recommendations-per-participant").asInt().orElse(50)));
    }
}
