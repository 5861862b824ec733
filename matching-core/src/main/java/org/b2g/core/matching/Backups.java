package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Reason;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Slot;
import org.b2g.core.solver.ScoreWeights;

/**
 * Backup recommendations for startups and agencies whose candidates are unlikely to give them their minimum (or
 * first) meeting because the counterparts they fit are wanted by more participants than they can meet.
 *
 * <p>Each participant can hold {@code min(maxMeetings, representatives × slots it attends)} meetings. The planner
 * books, on paper, what the objective puts first: required meetings and must or mutual requests. A counterpart is
 * <em>contested</em> when those bookings plus the participants still below their minimum who have it as a
 * candidate exceed its capacity. Then every participant below its minimum (an organizer-set minimum first, then the
 * implicit first meeting; the fewest options first) that has an uncontested candidate books one, the roomiest
 * first. Whoever is still short, including everyone who depends on contested counterparts alone, gets the next
 * counterparts down its relevance ranking that are wanted by fewer than they can meet, backups included (at least
 * {@code minRelevance} first, any shared ground after), never an excluded pair, never a pair without a common free slot, at most its shortfall. The plan
 * only adds candidates: the solver decides which meetings happen.
 */
final class Backups {

    /** An extra candidate: {@code counterpart} has room for {@code needy}, whose own candidates are booked up. */
    record Backup(Participant needy, Participant counterpart, double relevance, boolean hadCandidates) {

        Reason reason() {
            return new Reason.Backup(needy.id(), needy.label(), counterpart.id(), counterpart.label(), hadCandidates);
        }
    }

    /** An existing candidate pair; {@code strong} when it is required, a must or a mutual request. */
    record Edge(Participant a, Participant b, boolean strong) {
    }

    private final Event event;
    private final Relevance relevance;
    private final int[] capacity;
    private final int[] need;
    private final int[] booked;
    /** Per participant: its bookings plus the needy participants that have it as a candidate (or backup). */
    private int[] wanted;
    /** Per participant: how many candidate pairs it has, before backups. */
    private final int[] candidates;
    private final List<Edge> edges;
    /** Per participant: the indexes of its candidate pairs not booked yet. */
    private final List<List<Integer>> open = new ArrayList<>();
    private final boolean[] bookedEdge;
    private final Set<Long> pairs = new HashSet<>();

    private Backups(Event event, Relevance relevance, List<Edge> edges) {
        this.event = event;
        this.relevance = relevance;
        this.edges = edges;
        this.bookedEdge = new boolean[edges.size()];
        int n = event.participants().size();
        capacity = new int[n];
        need = new int[n];
        booked = new int[n];
        candidates = new int[n];
        for (Participant p : event.participants()) {
            int attended = (int) event.slots().stream().filter(s -> p.isAvailable(s.index())).count();
            capacity[p.index()] = (int) Math.min(p.maxMeetings(), (long) p.representatives() * attended);
            boolean matched = p.role() == Role.STARTUP || p.role() == Role.AGENCY;
            need[p.index()] = matched ? Math.min(ScoreWeights.minimumMeetings(p), capacity[p.index()]) : 0;
            open.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            pairs.add(key(edge.a(), edge.b()));
            candidates[edge.a().index()]++;
            candidates[edge.b().index()]++;
            if (edge.strong()) {
                book(e);
            } else {
                open.get(edge.a().index()).add(e);
                open.get(edge.b().index()).add(e);
            }
        }
    }

    /** The backups for an event whose candidate pairs are {@code edges}, in a repeatable order. */
    static List<Backup> plan(Event event, Relevance relevance, List<Edge> edges) {
        return new Backups(event, relevance, edges).plan();
    }

    private List<Backup> plan() {
        List<Participant> needy = event.participants().stream()
                .filter(p -> booked[p.index()] < need[p.index()])
                .sorted(Comparator.comparing((Participant p) -> p.minMeetings() == 0)
                        .thenComparingInt(p -> open.get(p.index()).size())
                        .thenComparingInt(Participant::index))
                .toList();
        boolean[] contested = contested(needy);
        for (Participant p : needy) {
            if (open.get(p.index()).stream().anyMatch(e -> !contested[other(edges.get(e), p).index()])) {
                bookOwnCandidates(p);
            }
        }
        List<Backup> backups = new ArrayList<>();
        for (Participant p : needy) {
            if (booked[p.index()] < need[p.index()]) {
                addBackups(p, backups);
            }
        }
        return backups;
    }

    /**
     * The participants wanted by more than they can meet: their booked meetings plus the needy participants who
     * have them as a candidate exceed their capacity. Whoever depends on these alone may well go home empty-handed
     * whatever the solver does, so it gets backups instead of a share of them on paper.
     */
    private boolean[] contested(List<Participant> needy) {
        wanted = booked.clone();
        for (Participant p : needy) {
            for (int e : open.get(p.index())) {
                wanted[other(edges.get(e), p).index()]++;
            }
        }
        boolean[] contested = new boolean[wanted.length];
        for (int q = 0; q < wanted.length; q++) {
            contested[q] = wanted[q] > capacity[q];
        }
        return contested;
    }

    /** Books p's open candidates at counterparts with room, the roomiest first, until p has its minimum. */
    private void bookOwnCandidates(Participant p) {
        while (booked[p.index()] < need[p.index()]) {
            int best = -1;
            int bestRoom = 0;
            for (int e : open.get(p.index())) {
                Participant other = other(edges.get(e), p);
                int room = capacity[other.index()] - booked[other.index()];
                if (!bookedEdge[e] && room > bestRoom && meetable(p, other)) {
                    best = e;
                    bestRoom = room;
                }
            }
            if (best < 0) {
                return;
            }
            book(best);
        }
    }

    /** Adds p's most relevant new counterparts with room, until p has its minimum or none is left. */
    private void addBackups(Participant p, List<Backup> backups) {
        List<Relevance.Ranked> ranked = relevance.ranked(p);
        double minRelevance = event.rules().minRelevance();
        for (int pass = 0; pass < 2 && booked[p.index()] < need[p.index()]; pass++) {
            for (Relevance.Ranked r : ranked) {
                if (booked[p.index()] >= need[p.index()]) {
                    return;
                }
                boolean relevantEnough = r.score() >= minRelevance;
                if (relevantEnough != (pass == 0)) {
                    continue;
                }
                Participant q = r.counterpart();
                if (wanted[q.index()] >= capacity[q.index()] || event.excluded(p.id(), q.id())
                        || pairs.contains(key(p, q)) || !meetable(p, q)) {
                    continue;
                }
                pairs.add(key(p, q));
                booked[p.index()]++;
                booked[q.index()]++;
                wanted[q.index()]++;
                backups.add(new Backup(p, q, r.score(), candidates[p.index()] > 0));
            }
        }
    }

    private void book(int e) {
        bookedEdge[e] = true;
        booked[edges.get(e).a().index()]++;
        booked[edges.get(e).b().index()]++;
    }

    private boolean meetable(Participant a, Participant b) {
        for (Slot slot : event.slots()) {
            if (a.isAvailable(slot.index()) && b.isAvailable(slot.index())) {
                return true;
            }
        }
        return false;
    }

    private static Participant other(Edge edge, Participant p) {
        return edge.a().equals(p) ? edge.b() : edge.a();
    }

    private static long key(Participant a, Participant b) {
        int low = Math.min(a.index(), b.index());
        int high = Math.max(a.index(), b.index());
        return (long) low << 32 | high;
    }

}
