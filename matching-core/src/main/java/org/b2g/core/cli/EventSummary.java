package org.b2g.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Request;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Session;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.EventWarnings;

/** A few lines telling an organizer what the engine understood of an event: counts, not contents. */
final class EventSummary {

    private EventSummary() {
    }

    /**
     * Prints, one line each, what the event file allows but its organizer most likely did not mean (a request
     * between an excluded pair, a field of the file that looks misspelt, say): the verbs that read an event say it
     * before they work on it.
     */
    static void warn(PrintStream err, String file, Event event) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            for (String warning : EventJson.documentWarnings(EventFiles.readText(Path.of(file)), file)) {
                err.println("warning: " + file + ": " + warning);
            }
        }
        for (String warning : EventWarnings.of(event)) {
            err.println("warning: " + file + ": " + warning);
        }
    }

    static String of(Event event) {
        StringBuilder text = new StringBuilder();
        text.append(event.id());
        if (!event.name().equals(event.id())) {
            text.append(" — ").append(event.name());
        }
        text.append('\n');
        line(text, "participants", event.participants().size() + roles(event.participants()));
        line(text, "meetings", event.meetings().size() + " required" + restrictions(event.meetings()));
        line(text, "slots", event.slotCount() + " in " + event.sessions().size() + " session"
                + plural(event.sessions().size()) + " over " + days(event.sessions()) + clock(event));
        line(text, "sessions", event.sessions().stream()
                .map(s -> s.id() + " " + s.firstSlot() + ".." + s.lastSlot())
                .collect(Collectors.joining(", ")));
        line(text, "tables", String.valueOf(event.tables().size()));
        line(text, "requests", event.requests().size() + requests(event.requests()));
        line(text, "exclusions", String.valueOf(event.exclusions().size()));
        line(text, "rules", event.rules().capsBreaks()
                ? "at most " + event.rules().maxBreaksPerParticipant()
                        + (event.rules().maxBreaksPerParticipant() == 1 ? " break" : " breaks") + " per participant"
                : "breaks not capped");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-13s %s%n", label, value));
    }

    /** " (3 startup, 2 agency, 1 company)": every role the participants have, in the order of {@link Role}. */
    static String roles(List<Participant> participants) {
        Map<Role, Integer> byRole = new EnumMap<>(Role.class);
        participants.forEach(p -> byRole.merge(p.role(), 1, Integer::sum));
        if (byRole.isEmpty()) {
            return "";
        }
        return byRole.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().code())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String restrictions(List<RequiredMeeting> meetings) {
        long fixed = meetings.stream().filter(m -> m.fixedSlot() > 0).count();
        long session = meetings.stream().filter(m -> m.session() != null).count();
        long ordered = meetings.stream().filter(m -> !m.after().isEmpty()).count();
        return meetings.isEmpty() ? "" : " (" + fixed + " with a fixed slot, " + session + " bound to a session, "
                + ordered + " with precedences)";
    }

    private static String days(List<Session> sessions) {
        long days = sessions.stream().map(Session::day).distinct().count();
        return days + " day" + plural((int) days);
    }

    private static String clock(Event event) {
        if (event.slotCount() == 0 || event.slot(1).start() == null) {
            return "";
        }
        return " (" + event.slotMinutes() + " minutes each, " + event.timeZone() + ")";
    }

    private static String requests(List<Request> requests) {
        if (requests.isEmpty()) {
            return "";
        }
        Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
        requests.forEach(r -> byPriority.merge(r.priority(), 1, Integer::sum));
        Set<String> asked = new HashSet<>();
        requests.forEach(r -> asked.add(r.from() + "\u0000" + r.to()));
        long mutual = requests.stream().filter(r -> r.from().compareTo(r.to()) < 0)
                .filter(r -> asked.contains(r.to() + "\u0000" + r.from()))
                .map(r -> r.from() + "\u0000" + r.to()).distinct().count();
        return byPriority.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().code())
                .collect(Collectors.joining(", ", " (", "; " + mutual + " mutual pair" + plural((int) mutual) + ")"));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
