package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Reason;
import org.b2g.core.domain.Request;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;

/**
 * The candidate meetings of an event, which the solver then selects and schedules: the required meetings (input
 * ids kept), then one optional candidate per pair that someone asked for or that relevance recommends.
 *
 * <p>Requests of a pair combine: {@code must} on either side makes a {@link Origin#MUST} candidate, requests both
 * ways a {@link Origin#MUTUAL} one, else a one-sided {@link Origin#REQUEST}. Each startup and each agency
 * recommends its best {@link Rules#recommendationsPerParticipant()} counterparts with relevance of at least
 * {@link Rules#minRelevance()}. A pair appears once, with its strongest origin; an excluded pair never appears;
 * a pair that already has a required meeting gets no optional one. Participants whose candidates are all booked up
 * by others get {@link Backups backup} recommendations further down their ranking, at counterparts with room.
 * Weights come from {@link Demand}.
 *
 * <p>Optional candidates are ordered strongest first (origin, weight, then id); their ids are
 * {@code c-<startup>-<agency>} (for other roles, the participant listed first in the event comes first).
 */
public final class Candidates {

    private Candidates() {
    }

    public static List<Meeting> forEvent(Event event) {
        return forEvent(event, Relevance.of(event));
    }

    /** As {@link #forEvent(Event)}, reusing relevance already computed for the event. */
    public static List<Meeting> forEvent(Event event, Relevance relevance) {
        List<Meeting> required = Meetings.required(event).stream().map(m -> withRelevance(m, relevance)).toList();
        Set<String> usedIds = new HashSet<>();
        Set<String> pairsWithRequired = new HashSet<>();
        for (Meeting meeting : required) {
            usedIds.add(meeting.getId());
            pairsWithRequired.add(pairKey(meeting.getFirst(), meeting.getSecond()));
        }
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (Request request : event.requests()) {
            Participant from = event.participant(request.from());
            Participant to = event.participant(request.to());
            if (from == null || to == null || from.equals(to)) {
                continue; // the reader rejects these; a hand-built event may not
            }
            pair(pairs, from, to).ask(from, request.priority() == null ? Priority.NORMAL : request.priority());
        }
        Rules rules = event.rules();
        for (Participant participant : event.participants()) {
            if (participant.role() != Role.STARTUP && participant.role() != Role.AGENCY) {
                continue;
            }
            int taken = 0;
            for (Relevance.Ranked ranked : relevance.ranked(participant)) {
                if (taken >= rules.recommendationsPerParticipant() || ranked.score() < rules.minRelevance()) {
                    break;
                }
                if (event.excluded(participant.id(), ranked.counterpart().id())) {
                    continue;
                }
                pair(pairs, participant, ranked.counterpart()).recommended = true;
                taken++;
            }
        }
        pairs.values().removeIf(pair -> event.excluded(pair.first.id(), pair.second.id())
                || pairsWithRequired.contains(pairKey(pair.first, pair.second)));
        addBackups(event, relevance, required, pairs);
        List<Meeting> optional = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            Match match = relevance.explain(pair.first, pair.second);
            Origin origin = pair.origin();
            long weight = Demand.weight(origin, pair.firstAsked, pair.secondAsked, match.score());
            List<Reason> reasons = new ArrayList<>();
            Reason asked = pair.askedReason();
            if (asked != null) {
                reasons.add(asked);
            }
            if (pair.backupReason != null) {
                reasons.add(pair.backupReason);
            }
            reasons.addAll(match.details());
            String id = uniqueId("c-" + pair.first.id() + "-" + pair.second.id(), usedIds);
            optional.add(new Meeting(id, pair.first, pair.second, origin, weight, match.score(), reasons,
                    Meetings.allowedSlots(event, pair.first, pair.second, null), event.tables(), List.of(), null));
        }
        optional.sort(Comparator.comparing(Meeting::getOrigin)
                .thenComparing(Comparator.comparingLong(Meeting::getWeight).reversed())
                .thenComparing(Meeting::getId));
        List<Meeting> all = new ArrayList<>(required.size() + optional.size());
        all.addAll(required);
        all.addAll(optional);
        return all;
    }

    /** Adds the {@link Backups} for the participants whose candidates are booked up by others. */
    private static void addBackups(Event event, Relevance relevance, List<Meeting> required,
            Map<String, Pair> pairs) {
        List<Backups.Edge> edges = new ArrayList<>(required.size() + pairs.size());
        for (Meeting meeting : required) {
            edges.add(new Backups.Edge(meeting.getFirst(), meeting.getSecond(), true));
        }
        for (Pair pair : pairs.values()) {
            Origin origin = pair.origin();
            edges.add(new Backups.Edge(pair.first, pair.second, origin == Origin.MUST || origin == Origin.MUTUAL));
        }
        for (Backups.Backup backup : Backups.plan(event, relevance, edges)) {
            Pair pair = pair(pairs, backup.needy(), backup.counterpart());
            pair.recommended = true;
            pair.backupReason = backup.reason();
        }
    }

    /** A required meeting also says why its two sides fit, when they do. */
    private static Meeting withRelevance(Meeting m, Relevance relevance) {
        Match match = relevance.explain(m.getFirst(), m.getSecond());
        if (match.score() == 0) {
            return m;
        }
        Meeting copy = new Meeting(m.getId(), m.getFirst(), m.getSecond(), m.getOrigin(), m.getWeight(), match.score(),
                match.details(), m.getAllowedSlots(), m.getAllowedTables(), m.getAfter(), m.getSessionId());
        copy.setSlot(m.getSlot());
        copy.setTable(m.getTable());
        copy.setPinned(m.isPinned());
        return copy;
    }

    private static String uniqueId(String id, Set<String> used) {
        String unique = id;
        for (int i = 2; !used.add(unique); i++) {
            unique = id + "-" + i;
        }
        return unique;
    }

    private static Pair pair(Map<String, Pair> pairs, Participant a, Participant b) {
        Comparator<Participant> startupFirst = Comparator.comparing((Participant p) -> p.role() != Role.STARTUP)
                .thenComparingInt(Participant::index);
        boolean aFirst = startupFirst.compare(a, b) < 0;
        Participant first = aFirst ? a : b;
        Participant second = aFirst ? b : a;
        return pairs.computeIfAbsent(pairKey(first, second), k -> new Pair(first, second));
    }

    private static String pairKey(Participant a, Participant b) {
        return a.index() < b.index() ? a.index() + "/" + b.index() : b.index() + "/" + a.index();
    }

    /** What both sides of one pair asked for, and whether relevance recommends it. */
    private static final class Pair {
        final Participant first;
        final Participant second;
        Priority firstAsked;
        Priority secondAsked;
        boolean recommended;
        /** Why the pair was added as a backup, or null when it was not. */
        Reason backupReason;

        Pair(Participant first, Participant second) {
            this.first = first;
            this.second = second;
        }

        void ask(Participant from, Priority priority) {
            if (from.equals(first)) {
                firstAsked = stronger(firstAsked, priority);
            } else {
                secondAsked = stronger(secondAsked, priority);
            }
        }

        Origin origin() {
            if (firstAsked == Priority.MUST || secondAsked == Priority.MUST) {
                return Origin.MUST;
            }
            if (firstAsked != null && secondAsked != null) {
                return Origin.MUTUAL;
            }
            return firstAsked != null || secondAsked != null ? Origin.REQUEST : Origin.RECOMMENDED;
        }

        Reason askedReason() {
            if (firstAsked != null && secondAsked != null) {
                return new Reason.MutualRequest(first.id(), first.label(), firstAsked, second.id(), second.label(),
                        secondAsked);
            }
            if (firstAsked != null) {
                return new Reason.OneSidedRequest(first.id(), first.label(), firstAsked);
            }
            return secondAsked != null ? new Reason.OneSidedRequest(second.id(), second.label(), secondAsked) : null;
        }

        private static Priority stronger(Priority a, Priority b) {
            return a == null || b.ordinal() < a.ordinal() ? b : a;
        }
    }
}
