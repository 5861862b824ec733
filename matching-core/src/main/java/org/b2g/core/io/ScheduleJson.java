package org.b2g.core.io;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Seating;
import org.b2g.core.matching.Explanations;
import org.b2g.core.solver.ScheduleMetrics;

/**
 * Writes and reads {@code b2g-schedule/1} (docs/formats.md): the scheduled meetings in time order, the candidates left
 * out with the reason, and the figures organizers compare schedules by.
 */
public final class ScheduleJson {

    public static final String FORMAT = "b2g-schedule/1";

    /** One factory: each {@code Json.create...} call would look the JSON provider up on the class path again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final Comparator<Meeting> TIME_THEN_TABLE = Comparator
            .comparingInt((Meeting m) -> m.getSlot().index())
            .thenComparingInt(m -> m.getTable() == null ? Integer.MAX_VALUE : m.getTable().index())
            .thenComparing(Meeting::getId);

    private ScheduleJson() {
    }

    public static JsonObject toJson(MeetingSchedule schedule) {
        return toJson(schedule, List.of());
    }

    /**
     * @param violations sentences for the hard constraints the schedule breaks (see {@code ScoreBreakdown}):
     *        an infeasible schedule is still written, with what an organizer must fix
     */
    public static JsonObject toJson(MeetingSchedule schedule, List<String> violations) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("event", schedule.getEvent().id());
        if (schedule.getScore() != null) {
            json.add("score", schedule.getScore().toString());
        }
        ZoneId zone = schedule.getEvent().timeZone();
        List<Meeting> placed = new ArrayList<>();
        List<Meeting> unplaced = new ArrayList<>();
        for (Meeting meeting : schedule.getMeetings()) {
            (meeting.isScheduled() ? placed : unplaced).add(meeting);
        }
        placed.sort(TIME_THEN_TABLE);
        Map<Meeting, Seating.Seat> seats = schedule.getSeating().seatsOf(placed);
        JsonArrayBuilder meetings = JSON.createArrayBuilder();
        for (Meeting meeting : placed) {
            meetings.add(scheduled(meeting, zone, seats.get(meeting)));
        }
        JsonArrayBuilder unscheduled = JSON.createArrayBuilder();
        Explanations explanations = unplaced.isEmpty() ? null : Explanations.of(schedule);
        for (Meeting meeting : unplaced) {
            unscheduled.add(JSON.createObjectBuilder()
                    .add("id", meeting.getId())
                    .add("participants", participants(meeting))
                    .add("origin", meeting.getOrigin().code())
                    .add("reason", explanations.whyUnscheduled(meeting)));
        }
        json.add("meetings", meetings)
                .add("unscheduled", unscheduled)
                .add("metrics", metrics(schedule));
        if (!violations.isEmpty()) {
            json.add("violations", JSON.createArrayBuilder(violations));
        }
        return json.build();
    }

    /** Pretty-printed JSON text, ending with a newline. */
    public static String write(MeetingSchedule schedule) {
        return write(schedule, List.of());
    }

    /** Pretty-printed JSON text with the schedule's hard violations listed, ending with a newline. */
    public static String write(MeetingSchedule schedule, List<String> violations) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(toJson(schedule, violations));
        }
        return text.toString().strip() + "\n";
    }

    /** Reads a {@code b2g-schedule/1} file, e.g. a published schedule to repair. */
    public static ScheduleFile read(Path file) {
        return read(EventFiles.readText(file), file.toString());
    }

    /** @param source the name used in error messages (a file name, or "request body") */
    public static ScheduleFile read(String json, String source) {
        return ScheduleFile.read(JsonNode.root(EventJson.parse(json, source), source));
    }

    private static JsonObjectBuilder scheduled(Meeting meeting, ZoneId zone, Seating.Seat seat) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", meeting.getId())
                .add("participants", participants(meeting))
                .add("slot", meeting.getSlot().index());
        if (meeting.getTable() != null) {
            json.add("table", meeting.getTable().id());
        }
        if (seat != null) {
            json.add("seat", seat(seat));
        }
        if (meeting.getSlot().start() != null) {
            json.add("start", timestamp(meeting.getSlot().start(), zone));
            json.add("end", timestamp(meeting.getSlot().end(), zone));
        }
        JsonArrayBuilder reasons = JSON.createArrayBuilder();
        meeting.getReasons().forEach(reasons::add);
        return json.add("origin", meeting.getOrigin().code())
                .add("relevance", BigDecimal.valueOf(meeting.getRelevance()).setScale(3, RoundingMode.HALF_UP)
                        .stripTrailingZeros())
                .add("reasons", reasons)
                .add("reasonCodes", ReasonJson.toJson(meeting.getReasonDetails()));
    }

    /**
     * Which representative of the participant that sits goes to the meeting: {@code {"participant": "a-dic",
     * "number": 2, "representatives": 3}}. Public so that agendas word a seat the same way.
     */
    public static JsonObjectBuilder seat(Seating.Seat seat) {
        return JSON.createObjectBuilder()
                .add("participant", seat.host().id())
                .add("number", seat.number())
                .add("representatives", seat.representatives());
    }

    private static JsonArrayBuilder participants(Meeting meeting) {
        return JSON.createArrayBuilder().add(meeting.getFirst().id()).add(meeting.getSecond().id());
    }

    /**
     * ISO-8601 with the event's offset, e.g. 2024-10-10T09:10:00+07:00; without offset if the zone is unknown.
     * Public so that every document about a schedule (agendas, calendars) writes a slot's time the same way.
     */
    public static String timestamp(LocalDateTime time, ZoneId zone) {
        return zone == null ? time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                : time.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The {@code metrics} object of {@code b2g-schedule/1} for {@code schedule} (also for one changed since). */
    public static JsonObjectBuilder metrics(MeetingSchedule schedule) {
        ScheduleMetrics metrics = ScheduleMetrics.of(schedule);
        long requiredUnscheduled = schedule.getMeetings().stream()
                .filter(m -> m.getOrigin() == Origin.REQUIRED && !m.isScheduled())
                .count();
        return JSON.createObjectBuilder()
                .add("scheduled", metrics.scheduled())
                .add("unscheduled", metrics.unscheduled())
                .add("requiredUnscheduled", requiredUnscheduled)
                .add("breaks", metrics.breaks())
                .add("maxBreaksOfAParticipant", metrics.maxBreaksOfAParticipant())
                .add("participantsWithoutMeetings", metrics.participantsWithoutMeetings());
    }
}
