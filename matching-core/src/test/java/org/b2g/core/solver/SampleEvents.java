package org.b2g.core.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * Seeded B2G events that use every rule the score knows: two days of two sessions, agencies with two representatives
 * or a home table, unavailable slots, minimum and maximum meetings, required meetings with a session, a fixed slot and
 * a precedence, optional candidates of several weights, an exclusion and a cap on breaks.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static MeetingSchedule b2g(long seed, int startups, int agencies) {
        Random random = new Random(seed);
        List<Session> sessions = List.of(new Session("d1-am", "1", null, null, 4, 1),
                new Session("d1-pm", "1", null, null, 3, 5), new Session("d2-am", "2", null, null, 4, 8));
        List<Slot> slots = new ArrayList<>();
        for (Session session : sessions) {
            for (int s = session.firstSlot(); s <= session.lastSlot(); s++) {
                slots.add(new Slot(s, session.id(), session.day().equals("1") ? 0 : 1, null, null));
            }
        }
        int tableCount = Math.max(2, (startups + agencies) / 3);
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            tables.add(new Table("T" + (t + 1), null, t));
        }
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < startups + agencies; i++) {
            boolean agency = i >= startups;
            Set<Integer> unavailable = new HashSet<>();
            if (random.nextInt(4) == 0) {
                unavailable.add(1 + random.nextInt(slots.size()));
            }
            int representatives = agency && random.nextInt(3) == 0 ? 2 : 1;
            String home = agency && representatives == 1 && i - startups < tableCount ? tables.get(i - startups).id()
                    : null;
            int max = random.nextInt(3) == 0 ? 4 : Participant.UNLIMITED;
            participants.add(new Participant((agency ? "a" : "s") + i, i, agency ? Role.AGENCY : Role.STARTUP,
                    null, representatives, random.nextInt(3), max, unavailable, home, List.of(), List.of()));
        }
        List<RequiredMeeting> required = List.of(
                new RequiredMeeting("r1", "s0", "a" + startups, "d1-am", 0, null, List.of()),
                new RequiredMeeting("r2", "s1", "a" + startups, null, 0, null, List.of("r1")),
                new RequiredMeeting("r3", "s2", "a" + (startups + 1), null, 9, "T1", List.of()));
        List<Exclusion> exclusions = List.of(new Exclusion("s3", "a" + (startups + 1), "conflict of interest"));
        Event event = new Event("sample-" + seed, "Sample", null, 20, sessions, slots, tables, participants, required,
                List.of(), exclusions, Rules.DEFAULT.withMaxBreaks(1));
        List<Meeting> meetings = new ArrayList<>(Meetings.required(event));
        Origin[] origins = {Origin.MUST, Origin.MUTUAL, Origin.REQUEST, Origin.RECOMMENDED};
        long[] weights = {5_000, 800, 400, 100};
        int id = 0;
        for (int s = 0; s < startups; s++) {
            for (int a = startups; a < startups + agencies; a++) {
                if (random.nextInt(100) < 45 || (s == 3 && a == startups + 1)) {
                    Participant first = participants.get(s);
                    Participant second = participants.get(a);
                    int kind = random.nextInt(origins.length);
                    meetings.add(new Meeting("c" + id++, first, second, origins[kind], weights[kind], 0.5, List.of(),
                            null, Meetings.allowedSlots(event, first, second, null), tables, List.of()));
                }
            }
        }
        return new MeetingSchedule(event, meetings);
    }
}
