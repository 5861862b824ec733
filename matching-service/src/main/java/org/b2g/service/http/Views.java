package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.domain.Participant;
import org.b2g.service.solving.JobStatus;

/** The JSON shapes that more than one resource sends, written in one place so that they cannot drift apart. */
final class Views {

    private Views() {
    }

    /** A participant as other documents refer to it: id, name, role. */
    static JsonObject party(Participant participant) {
        return JSON.createObjectBuilder()
                .add("id", participant.id())
                .add("name", participant.label())
                .add("role", participant.role().code())
                .build();
    }

    /** A solve job's status (the {@code SolveStatus} schema of the OpenAPI document). */
    static JsonObject job(JobStatus s, boolean stale) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("event", s.eventId())
                .add("eventVersion", s.eventVersion())
                .add("state", s.state().name())
                .add("queued", s.queued())
                .add("scheduled", s.scheduled())
                .add("breaks", s.breaks())
                .add("startedAt", s.startedAt().toString())
                .add("stoppedEarly", s.stoppedEarly())
                .add("stale", stale);
        if (s.candidates() > 0) {
            json.add("candidates", s.candidates());
        }
        optional(json, "score", s.score());
        optional(json, "bestSince", s.bestSince());
        optional(json, "finishedAt", s.finishedAt());
        optional(json, "reason", s.reason());
        if (s.stopReason() != null) {
            json.add("stopReason", JSON.createObjectBuilder()
                    .add("code", s.stopReason().code())
                    .add("description", s.stopReason().description()));
        }
        // A repair's reading of the published schedule: the console shows them beside the job, before publishing.
        if (!s.notes().isEmpty()) {
            json.add("notes", JSON.createArrayBuilder(s.notes()));
        }
        if (!s.warnings().isEmpty()) {
            json.add("warnings", JSON.createArrayBuilder(s.warnings()));
        }
        if (s.state() == JobStatus.State.SOLVING) {
            json.add("elapsedMillis", Duration.between(s.startedAt(), Instant.now()).toMillis());
        }
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
