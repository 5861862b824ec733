package org.b2g.core.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who sits and who walks: every agency, and every participant with a home table, receives its counterparts at its own
 * seats, one table per representative, fixed for the whole event; the others (startups, generic companies) walk to
 * them. Representative 1 sits at the home table when there is one. The other representatives (and an agency without
 * a home table) get the nearest tables after it in the event's list that are nobody's home table and nobody else's
 * seat, so the seats follow from the event alone and stay the same from one solve or repair to the next. When the
 * tables run out, the last participants get fewer seats than representatives; one left with no seat at all walks.
 *
 * <p>One per schedule, handed to its meetings: the constraints on seats and walks and the search read the same seats.
 */
public final class Seating {

    /** Seat tables by participant id, seat 1 first; absent for participants that walk. */
    private final Map<String, List<Table>> seats;

    private Seating(Map<String, List<Table>> seats) {
        this.seats = seats;
    }

    /** The seats of an event's participants at its tables. */
    public static Seating of(Event event) {
        return of(event.participants(), event.tables());
    }

    /** The seats of these participants at these tables (home tables are table ids; unknown ones are ignored). */
    public static Seating of(List<Participant> participants, List<Table> tables) {
        Map<String, Table> byId = new HashMap<>();
        for (Table table : tables) {
            byId.put(table.id(), table);
        }
        Set<Table> taken = new HashSet<>();
        for (Participant participant : participants) {
            Table home = home(participant, byId);
            if (home != null) {
                taken.add(home);
            }
        }
        Map<String, List<Table>> seats = new HashMap<>();
        // Those with a home table first, so that the tables next to a home stay with it.
        List<Participant> sitting = participants.stream().filter(p -> sits(p, byId))
                .sorted(Comparator.comparing((Participant p) -> home(p, byId) == null)).toList();
        int cursor = 0;
        for (Participant participant : sitting) {
            List<Table> own = new ArrayList<>();
            Table home = home(participant, byId);
            if (home != null) {
                own.add(home);
            }
            int from = home != null ? home.index() + 1 : cursor;
            for (int k = 0; k < tables.size() && own.size() < Math.max(1, participant.representatives()); k++) {
                Table table = tables.get((from + k) % tables.size());
                if (taken.add(table)) {
                    own.add(table);
                    cursor = home != null ? cursor : table.index() + 1;
                }
            }
            if (!own.isEmpty()) {
                seats.put(participant.id(), List.copyOf(own));
            }
        }
        return new Seating(Map.copyOf(seats));
    }

    private static boolean sits(Participant participant, Map<String, Table> tables) {
        return participant.role() == Role.AGENCY || home(participant, tables) != null;
    }

    private static Table home(Participant participant, Map<String, Table> tables) {
        return participant.homeTable() == null ? null : tables.get(participant.homeTable());
    }

    /** True when the participant has at least one seat: its counterparts come to it. */
    public boolean sits(Participant participant) {
        return seats.containsKey(participant.id());
    }

    /** The participant's seat tables, seat 1 first; empty for a participant that walks. */
    public List<Table> seatsOf(Participant participant) {
        return seats.getOrDefault(participant.id(), List.of());
    }

    /** True when the participant sits and this table is none of its seats. */
    public boolean isAway(Participant participant, Table table) {
        List<Table> own = seats.get(participant.id());
        return own != null && !own.contains(table);
    }

    /** The number (from 1) of the participant's seat at this table, or 0 when the table is none of its seats. */
    public int seatAt(Participant participant, Table table) {
        return seatsOf(participant).indexOf(table) + 1;
    }

    /**
     * Which representative of its host each meeting has: the host is the participant of the meeting that sits (see
     * {@link #host}), and the number is the seat at the meeting's table; a meeting away from the host's
     * seats gets the lowest number that no other meeting of the host uses in that slot. A meeting whose participants
     * both walk, or a host's meeting beyond its representatives in one slot, has no entry.
     *
     * @param meetings scheduled meetings (others are ignored)
     */
    public Map<Meeting, Seat> seatsOf(Collection<Meeting> meetings) {
        Map<String, List<Meeting>> byHostAndSlot = new HashMap<>();
        for (Meeting meeting : meetings) {
            Participant host = host(meeting);
            if (meeting.isScheduled() && host != null) {
                byHostAndSlot.computeIfAbsent(host.id() + "\n" + meeting.getSlot().index(), k -> new ArrayList<>())
                        .add(meeting);
            }
        }
        Map<Meeting, Seat> result = new HashMap<>();
        for (List<Meeting> together : byHostAndSlot.values()) {
            Participant host = host(together.get(0));
            int representatives = Math.max(Math.max(1, host.representatives()), seatsOf(host).size());
            boolean[] used = new boolean[representatives + 1];
            List<Meeting> away = new ArrayList<>();
            together.sort(Comparator.comparing(Meeting::getId));
            for (Meeting meeting : together) {
                int number = meeting.getTable() == null ? 0 : seatAt(host, meeting.getTable());
                if (number > 0 && !used[number]) {
                    used[number] = true;
                    result.put(meeting, new Seat(host, number, representatives));
                } else {
                    away.add(meeting);
                }
            }
            int next = 1;
            for (Meeting meeting : away) {
                while (next <= representatives && used[next]) {
                    next++;
                }
                if (next <= representatives) {
                    used[next] = true;
                    result.put(meeting, new Seat(host, next, representatives));
                }
            }
        }
        return result;
    }

    /**
     * The participant of the meeting that receives the other at its seat, or null when both walk; when both sit, the
     * one whose seat the meeting's table is, else the first.
     */
    public Participant host(Meeting meeting) {
        Participant first = meeting.getFirst();
        Participant second = meeting.getSecond();
        if (!sits(first)) {
            return sits(second) ? second : null;
        }
        Table table = meeting.getTable();
        return sits(second) && table != null && seatAt(first, table) == 0 && seatAt(second, table) > 0
                ? second : first;
    }

    /**
     * A meeting's place in its host's team: representative {@code number} of {@code representatives} goes.
     *
     * @param host the participant that sits
     */
    public record Seat(Participant host, int number, int representatives) {
    }
}
