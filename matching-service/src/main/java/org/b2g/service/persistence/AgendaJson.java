package org.b2g.service.persistence;

import static org.b2g.service.JsonFactory.JSON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Seating;
import org.b2g.core.io.ReasonJson;
import org.b2g.core.io.ScheduleJson;

/**
 * Each participant's agenda ({@code b2g-agenda/1}): its meetings in time order with table (and which representative
 * of the side that sits goes there: its seat), counterpart and the reasons of the match, and the calendar identity
 * (UID, SEQUENCE) of each; plus its meetings that a re-solve cancelled, so that calendars can drop them. Written once
 * per schedule, read many times.
 */
final class AgendaJson {

    static final String FORMAT = "b2g-agenda/1";

    private AgendaJson() {
    }

    /** The agenda of every participant of the event, by participant id. */
    static Map<String, JsonObject> build(MeetingSchedule schedule, MeetingVersions.Next versions, Instant solvedAt) {
        Event event = schedule.getEvent();
        Map<String, JsonArrayBuilder> meetings = new LinkedHashMap<>();
        Map<String, JsonArrayBuilder> cancelled = new LinkedHashMap<>();
        for (Participant participant : event.participants()) {
            meetings.put(participant.id(), JSON.createArrayBuilder());
            cancelled.put(participant.id(), JSON.createArrayBuilder());
        }
        List<Meeting> scheduled = scheduledInOrder(schedule);
        Map<Meeting, Seating.Seat> seats = schedule.getSeating().seatsOf(scheduled);
        for (Meeting meeting : scheduled) {
            MeetingVersions.Version version = versions.byMeeting().get(meeting.getId());
            for (Participant self : meeting.getParticipants()) {
                meetings.get(self.id()).add(meetingJson(event, meeting, self, version, seats.get(meeting)));
            }
        }
        for (MeetingVersions.Version version : versions.all()) {
            if (!version.cancelled()) {
                continue;
            }
            for (String[] side : new String[][] {{version.firstId(), version.secondId()},
                    {version.secondId(), version.firstId()}}) {
                JsonArrayBuilder list = cancelled.get(side[0]);
                if (list != null) {
                    list.add(cancelledJson(event, version, side[1]));
                }
            }
        }
        Map<String, JsonObject> agendas = new LinkedHashMap<>();
        JsonObject eventJson = eventJson(event);
        for (Participant participant : event.participants()) {
            agendas.put(participant.id(), JSON.createObjectBuilder()
                    .add("format", FORMAT)
                    .add("event", eventJson)
                    .add("participant", party(participant))
                    .add("solvedAt", solvedAt.toString())
                    .add("meetings", meetings.get(participant.id()))
                    .add("cancelled", cancelled.get(participant.id()))
                    .build());
        }
        return agendas;
    }

    private static JsonObject eventJson(Event event) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", event.id()).add("name", event.name());
        if (event.timeZone() != null) {
            json.add("timeZone", event.timeZone().getId());
        }
        return json.add("slotMinutes", event.slotMinutes()).build();
    }

    /** @param seat which representative of the participant that sits goes, or null when both walk */
    private static JsonObject meetingJson(Event event, Meeting meeting, Participant self,
            MeetingVersions.Version version, Seating.Seat seat) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", meeting.getId())
                .add("uid", uid(event.id(), version.key()))
                .add("sequence", version.sequence())
                .add("slot", meeting.getSlot().index());
        String start = start(event, meeting);
        if (start != null) {
            json.add("start", start).add("end", end(event, meeting));
        }
        if (meeting.getTable() != null) {
            JsonObjectBuilder table = JSON.createObjectBuilder().add("id", meeting.getTable().id());
            if (meeting.getTable().name() != null) {
                table.add("name", meeting.getTable().name());
            }
            json.add("table", table);
        }
        if (seat != null) {
            json.add("seat", JSON.createObjectBuilder().add("participant", seat.host().id())
                    .add("number", seat.number()).add("representatives", seat.representatives()));
        }
        JsonArrayBuilder reasons = JSON.createArrayBuilder();
        meeting.getReasons().forEach(reasons::add);
        return json.add("counterpart", party(meeting.counterpart(self)))
                .add("origin", meeting.getOrigin().code())
                .add("relevance", meeting.getRelevance())
                .add("reasons", reasons)
                .add("reasonCodes", ReasonJson.toJson(meeting.getReasonDetails()))
                .build();
    }

    private static JsonObject cancelledJson(Event event, MeetingVersions.Version version, String counterpartId) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("uid", uid(event.id(), version.key()))
                .add("sequence", version.sequence());
        if (version.start() != null) {
            json.add("start", version.start()).add("end", version.end());
        }
        Participant counterpart = event.participant(counterpartId);
        JsonObjectBuilder party = JSON.createObjectBuilder().add("id", counterpartId);
        if (counterpart != null) {
            party.add("name", counterpart.label());
            if (counterpart.englishName() != null) {
                party.add("englishName", counterpart.englishName());
            }
        }
        return json.add("counterpart", party).build();
    }

    private static JsonObject party(Participant participant) {
        JsonObjectBuilder party = JSON.createObjectBuilder()
                .add("id", participant.id())
                .add("name", participant.label())
                .add("role", participant.role().code());
        if (participant.englishName() != null) {
            party.add("englishName", participant.englishName());
        }
        return party.build();
    }

    /** Scheduled meetings by slot, then table, then id: the order of agendas and of calendar identities. */
    static List<Meeting> scheduledInOrder(MeetingSchedule schedule) {
        List<Meeting> scheduled = new ArrayList<>();
        for (Meeting meeting : schedule.getMeetings()) {
            if (meeting.isScheduled()) {
                scheduled.add(meeting);
            }
        }
        scheduled.sort(Comparator.comparingInt((Meeting m) -> m.getSlot().index())
                .thenComparing(m -> m.getTable() == null ? "" : m.getTable().id())
                .thenComparing(Meeting::getId));
        return scheduled;
    }

    /** The meeting's start as ISO-8601 with the event's offset, or null when its session has no clock time. */
    static String start(Event event, Meeting meeting) {
        return time(event, meeting.getSlot().start());
    }

    static String end(Event event, Meeting meeting) {
        return time(event, meeting.getSlot().end());
    }

    private static String time(Event event, LocalDateTime time) {
        return time == null ? null : ScheduleJson.timestamp(time, event.timeZone());
    }

    /** A calendar UID that stays the same for the same meeting of the same event, and says nothing about it. */
    static String uid(String eventId, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + "@b2g";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM.", e);
        }
    }
}
