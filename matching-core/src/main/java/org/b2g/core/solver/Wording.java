package org.b2g.core.solver;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * How justifications and the feasibility check name things, so that every sentence speaks alike:
 * "VietSense AI", "Participant 17" (when the name is only the id), "slot 7 (09:10)", "meeting m-3 (A with B)".
 */
final class Wording {

    private Wording() {
    }

    /** A participant as a sentence subject. */
    static String who(Participant participant) {
        String name = participant.name();
        return name == null || name.isBlank() || name.equals(participant.id())
                ? "Participant " + participant.id()
                : name;
    }

    /** "slot 7 (09:10)": the domain's own wording, named here so that sentences read {@code slot(s)}. */
    static String slot(Slot slot) {
        return slot.toString();
    }

    /** The table's name, else "table T3": the domain's own wording, as for slots. */
    static String table(Table table) {
        return table.toString();
    }

    static String meeting(Meeting meeting) {
        return meeting(meeting.getId(), meeting.getFirst(), meeting.getSecond());
    }

    static String meeting(String id, Participant first, Participant second) {
        return "meeting " + id + " (" + who(first) + " with " + who(second) + ")";
    }

    static String meetingIds(Collection<Meeting> meetings) {
        return and(meetings.stream().map(Meeting::getId).sorted().toList());
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(items.get(0));
        Iterator<String> rest = items.subList(1, items.size()).iterator();
        while (rest.hasNext()) {
            String item = rest.next();
            text.append(rest.hasNext() ? ", " : " and ").append(item);
        }
        return text.toString();
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
