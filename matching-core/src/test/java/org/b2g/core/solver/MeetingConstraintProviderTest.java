package org.b2g.core.solver;

import static org.b2g.core.solver.Fixtures.AGENCY;
import static org.b2g.core.solver.Fixtures.C3;
import static org.b2g.core.solver.Fixtures.C4;
import static org.b2g.core.solver.Fixtures.CAP_1;
import static org.b2g.core.solver.Fixtures.NO_CAP;
import static org.b2g.core.solver.Fixtures.S1;
import static org.b2g.core.solver.Fixtures.S2;
import static org.b2g.core.solver.Fixtures.S3;
import static org.b2g.core.solver.Fixtures.PARTICIPANTS;
import static org.b2g.core.solver.Fixtures.S4;
import static org.b2g.core.solver.Fixtures.S5;
import static org.b2g.core.solver.Fixtures.S6;
import static org.b2g.core.solver.Fixtures.S7;
import static org.b2g.core.solver.Fixtures.STARTUP;
import static org.b2g.core.solver.Fixtures.T1;
import static org.b2g.core.solver.Fixtures.T2;
import static org.b2g.core.solver.Fixtures.T3;
import static org.b2g.core.solver.Fixtures.TABLES;
import static org.b2g.core.solver.Fixtures.meeting;
import static org.b2g.core.solver.Fixtures.optional;
import static org.b2g.core.solver.Fixtures.required;
import static org.b2g.core.solver.Fixtures.schedule;

import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Precedence;
import org.b2g.core.domain.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class MeetingConstraintProviderTest {

    private static final ConstraintVerifier<MeetingConstraintProvider, MeetingSchedule> VERIFIER =
            ConstraintVerifier.build(new MeetingConstraintProvider(), MeetingSchedule.class, Meeting.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    @Nested
    class ParticipantDoubleBooked {

        @Test
        void penalisesEachMeetingBeyondTheRepresentatives() {
            // C3 has three meetings in slot 1 and one representative: two too many.
            VERIFIER.verifyThat(MeetingConstraintProvider::participantDoubleBooked)
                    .given(required("m1", C3, C4, S1, T1), required("m2", C3, STARTUP, S1, T2),
                            required("m3", C3, AGENCY, S1, T3))
                    .penalizesBy(2);
        }

        @Test
        void letsAParticipantMeetInParallelUpToItsRepresentatives() {
            VERIFIER.verifyThat(MeetingConstraintProvider::participantDoubleBooked)
                    .given(required("m1", AGENCY, C3, S1, T1), required("m2", AGENCY, C4, S1, T2),
                            required("m3", C3, C4, S2, T1), required("m4", C3, C4, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class TableDoubleBooked {

        @Test
        void penalisesEachExtraMeetingAtATable() {
            VERIFIER.verifyThat(MeetingConstraintProvider::tableDoubleBooked)
                    .given(required("m1", STARTUP, AGENCY, S1, T1), required("m2", C3, C4, S1, T1),
                            required("m3", AGENCY, C4, S1, T1))
                    .penalizesBy(2);
        }

        @Test
        void ignoresOtherTablesOtherSlotsAndUnscheduledMeetings() {
            VERIFIER.verifyThat(MeetingConstraintProvider::tableDoubleBooked)
                    .given(required("m1", STARTUP, AGENCY, S1, T1), required("m2", C3, C4, S1, T2),
                            required("m3", AGENCY, C4, S2, T1), required("m4", AGENCY, C3, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class ParticipantUnavailable {

        @Test
        void penalisesAMeetingInASlotItsParticipantCannotAttend() {
            // STARTUP is unavailable in slot 2.
            VERIFIER.verifyThat(MeetingConstraintProvider::participantUnavailable)
                    .given(required("m1", STARTUP, AGENCY, S2, T1))
                    .penalizesBy(1);
        }

        @Test
        void acceptsSlotsBothCanAttend() {
            VERIFIER.verifyThat(MeetingConstraintProvider::participantUnavailable)
                    .given(required("m1", STARTUP, AGENCY, S1, T1), required("m2", STARTUP, C3, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class OutsideItsSession {

        @Test
        void penalisesAMeetingOutsideItsSession() {
            VERIFIER.verifyThat(MeetingConstraintProvider::outsideItsSession)
                    .given(meeting("m1", C3, C4, Origin.REQUIRED, 0, "am", TABLES, List.of(), S4, T1))
                    .penalizesBy(1);
        }

        @Test
        void acceptsAMeetingInItsSessionOrWithoutOne() {
            VERIFIER.verifyThat(MeetingConstraintProvider::outsideItsSession)
                    .given(meeting("m1", C3, C4, Origin.REQUIRED, 0, "am", TABLES, List.of(), S3, T1),
                            required("m2", C3, C4, S6, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class FixedTableIgnored {

        @Test
        void penalisesAMeetingAwayFromItsFixedTable() {
            VERIFIER.verifyThat(MeetingConstraintProvider::fixedTableIgnored)
                    .given(meeting("m1", C3, C4, Origin.REQUIRED, 0, null, List.of(T2), List.of(), S1, T1))
                    .penalizesBy(1);
        }

        @Test
        void acceptsAMeetingAtItsFixedTable() {
            VERIFIER.verifyThat(MeetingConstraintProvider::fixedTableIgnored)
                    .given(meeting("m1", C3, C4, Origin.REQUIRED, 0, null, List.of(T2), List.of(), S1, T2),
                            required("m2", C3, C4, S2, T3))
                    .penalizesBy(0);
        }
    }

    @Nested
    class PrecedenceBroken {

        @Test
        void penalisesALaterMeetingInTheSameOrAnEarlierSlot() {
            VERIFIER.verifyThat(MeetingConstraintProvider::precedenceBroken)
                    .given(new Precedence("m1", "m2"), new Precedence("m1", "m3"),
                            required("m1", C3, C4, S3, T1),
                            meeting("m2", STARTUP, AGENCY, Origin.REQUIRED, 0, null, TABLES, List.of("m1"), S3, T2),
                            meeting("m3", STARTUP, C3, Origin.REQUIRED, 0, null, TABLES, List.of("m1"), S1, T2))
                    .penalizesBy(2);
        }

        @Test
        void acceptsAStrictlyLaterMeetingAndIgnoresUnscheduledOnes() {
            VERIFIER.verifyThat(MeetingConstraintProvider::precedenceBroken)
                    .given(new Precedence("m1", "m2"), new Precedence("m1", "m3"),
                            required("m1", C3, C4, S3, T1),
                            meeting("m2", STARTUP, AGENCY, Origin.REQUIRED, 0, null, TABLES, List.of("m1"), S4, T2),
                            meeting("m3", STARTUP, C3, Origin.REQUIRED, 0, null, TABLES, List.of("m1"), null, T2))
                    .penalizesBy(0);
        }
    }

    @Nested
    class ExcludedPairMeets {

        private static final Exclusion AGENCY_AND_STARTUP = new Exclusion("a-dost", "s-1", "conflict of interest");

        @Test
        void penalisesAScheduledMeetingOfAnExcludedPairInEitherOrder() {
            VERIFIER.verifyThat(MeetingConstraintProvider::excludedPairMeets)
                    .given(AGENCY_AND_STARTUP, required("m1", STARTUP, AGENCY, S1, T1),
                            optional("m2", AGENCY, STARTUP, 5, S3, T1))
                    .penalizesBy(2);
        }

        @Test
        void ignoresOtherPairsAndUnscheduledCandidates() {
            VERIFIER.verifyThat(MeetingConstraintProvider::excludedPairMeets)
                    .given(AGENCY_AND_STARTUP, required("m1", STARTUP, C3, S1, T1),
                            optional("m2", AGENCY, STARTUP, 5, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class TooManyMeetings {

        @Test
        void penalisesEachMeetingBeyondMaxMeetings() {
            // STARTUP accepts 3 meetings and has 5 scheduled.
            VERIFIER.verifyThat(MeetingConstraintProvider::tooManyMeetings)
                    .given(required("m1", STARTUP, C3, S1, T1), required("m2", STARTUP, C4, S3, T1),
                            required("m3", STARTUP, AGENCY, S4, T1), required("m4", STARTUP, C3, S6, T1),
                            required("m5", STARTUP, C4, S7, T1))
                    .penalizesBy(2);
        }

        @Test
        void countsOnlyScheduledMeetings() {
            VERIFIER.verifyThat(MeetingConstraintProvider::tooManyMeetings)
                    .given(required("m1", STARTUP, C3, S1, T1), required("m2", STARTUP, C4, S3, T1),
                            required("m3", STARTUP, AGENCY, S4, T1), optional("m4", STARTUP, C3, 1, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class RequiredMeetingUnscheduled {

        @Test
        void penalisesARequiredMeetingWithoutSlot() {
            VERIFIER.verifyThat(MeetingConstraintProvider::requiredMeetingUnscheduled)
                    .given(required("m1", C3, C4, null, T1), required("m2", C3, C4, null, null))
                    .penalizesBy(2);
        }

        @Test
        void ignoresScheduledAndOptionalMeetings() {
            VERIFIER.verifyThat(MeetingConstraintProvider::requiredMeetingUnscheduled)
                    .given(required("m1", C3, C4, S1, T1), optional("m2", C3, C4, 3, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class TooManyBreaks {

        @Test
        void penalisesBreaksBeyondTheCap() {
            // C3 meets in slots 1, 3, 6: two breaks, one over the cap of 1.
            VERIFIER.verifyThat(MeetingConstraintProvider::tooManyBreaks)
                    .given(CAP_1, required("m1", C3, C4, S1, T1), required("m2", C3, STARTUP, S3, T1),
                            required("m3", C3, AGENCY, S6, T1))
                    .penalizesBy(1);
        }

        @Test
        void acceptsAnyBreaksWithoutCap() {
            VERIFIER.verifyThat(MeetingConstraintProvider::tooManyBreaks)
                    .given(NO_CAP, required("m1", C3, C4, S1, T1), required("m2", C3, STARTUP, S3, T1),
                            required("m3", C3, AGENCY, S6, T1))
                    .penalizesBy(0);
        }

        @Test
        void acceptsBreaksUpToTheCap() {
            VERIFIER.verifyThat(MeetingConstraintProvider::tooManyBreaks)
                    .given(CAP_1, required("m1", C3, C4, S1, T1), required("m2", C3, STARTUP, S3, T1),
                            required("m3", C3, AGENCY, S4, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class DemandUnmet {

        @Test
        void penalisesAnOptionalCandidateLeftOutByItsWeight() {
            VERIFIER.verifyThat(MeetingConstraintProvider::demandUnmet)
                    .given(optional("m1", C3, C4, 70, null, T1), optional("m2", STARTUP, C4, 5, null, T1))
                    .penalizesBy(75);
        }

        @Test
        void ignoresScheduledCandidatesAndRequiredMeetings() {
            VERIFIER.verifyThat(MeetingConstraintProvider::demandUnmet)
                    .given(optional("m1", C3, C4, 70, S1, T1), required("m2", STARTUP, C4, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class FewerMeetingsThanMinimum {

        @Test
        void penalisesEachMissingMeetingBelowTheMinimum() {
            // AGENCY set a minimum of 2 and has 1 (MISSING_MEETING); STARTUP wants 1 (every startup does) and has 1
            // though another is unscheduled.
            VERIFIER.verifyThat(MeetingConstraintProvider::fewerMeetingsThanMinimum)
                    .given(required("m1", STARTUP, AGENCY, S1, T1), optional("m2", STARTUP, C3, 1, null, T1))
                    .penalizesBy(ScoreWeights.MISSING_MEETING);
        }

        @Test
        void countsAParticipantWhoseCandidatesAreAllUnscheduled() {
            // The startup's implicit first meeting (no minimum set) costs FIRST_MEETING; company C3 wants none.
            VERIFIER.verifyThat(MeetingConstraintProvider::fewerMeetingsThanMinimum)
                    .given(optional("m1", STARTUP, C3, 1, null, T1))
                    .penalizesBy(ScoreWeights.FIRST_MEETING);
        }

        @Test
        void acceptsParticipantsAtTheirMinimum() {
            VERIFIER.verifyThat(MeetingConstraintProvider::fewerMeetingsThanMinimum)
                    .given(required("m1", STARTUP, AGENCY, S1, T1), required("m2", AGENCY, C3, S3, T1),
                            required("m3", C3, C4, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class NoCandidateMeeting {

        @Test
        void penalisesTheMinimumOfAParticipantWithoutCandidates() {
            // AGENCY (minimum 2) has no candidate; C3 and C4 have no minimum; STARTUP has one.
            VERIFIER.verifyThat(MeetingConstraintProvider::noCandidateMeeting)
                    .given(STARTUP, AGENCY, C3, C4, optional("m1", C3, STARTUP, 1, null, T1))
                    .penalizesBy(2 * ScoreWeights.MISSING_MEETING);
        }

        @Test
        void acceptsParticipantsWithACandidateOnEitherSide() {
            VERIFIER.verifyThat(MeetingConstraintProvider::noCandidateMeeting)
                    .given(STARTUP, AGENCY, optional("m1", C3, STARTUP, 1, null, T1),
                            optional("m2", AGENCY, C4, 1, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class PublishedMeetingMoved {

        @Test
        void penalisesAPublishedMeetingInAnotherSlotByItsMoveCost() {
            Meeting moved = optional("m1", STARTUP, AGENCY, 1, S2, T1);
            moved.keepPublished(S1, T1, ScoreWeights.PUBLISHED_MOVED, ScoreWeights.PUBLISHED_DROPPED);
            VERIFIER.verifyThat(MeetingConstraintProvider::publishedMeetingMoved)
                    .given(moved)
                    .penalizesBy(ScoreWeights.PUBLISHED_MOVED);
        }

        @Test
        void ignoresKeptDroppedAndNewMeetings() {
            // m1 stays where published, m2 is dropped (the demand constraint prices that), m3 is new.
            Meeting kept = optional("m1", STARTUP, AGENCY, 1, S1, T2);
            kept.keepPublished(S1, T1, ScoreWeights.PUBLISHED_MOVED, ScoreWeights.PUBLISHED_DROPPED);
            Meeting dropped = optional("m2", C3, C4, 1, null, T1);
            dropped.keepPublished(S2, T1, ScoreWeights.PUBLISHED_MOVED, ScoreWeights.PUBLISHED_DROPPED);
            VERIFIER.verifyThat(MeetingConstraintProvider::publishedMeetingMoved)
                    .given(kept, dropped, optional("m3", C3, AGENCY, 1, S3, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class BreakBetweenMeetings {

        @Test
        void penalisesEachRunOfIdleSlotsOnOneDay() {
            // C3: slots 1, 3, 6 -> 2 breaks; C4: 1, 7 -> none (7 is the next day); STARTUP 3; AGENCY 6.
            VERIFIER.verifyThat(MeetingConstraintProvider::breakBetweenMeetings)
                    .given(required("m1", C3, C4, S1, T1), required("m2", C3, STARTUP, S3, T1),
                            required("m3", C3, AGENCY, S6, T1), required("m4", C4, AGENCY, S7, T1))
                    .penalizesBy(2);
        }

        @Test
        void countsNoBreakAcrossTheLunchBoundaryOrForParallelMeetings() {
            // Slots 3 and 4 are adjacent although they lie in two sessions; AGENCY meets twice in slot 4.
            VERIFIER.verifyThat(MeetingConstraintProvider::breakBetweenMeetings)
                    .given(required("m1", C3, AGENCY, S3, T1), required("m2", C3, AGENCY, S4, T1),
                            required("m3", C4, AGENCY, S4, T2), required("m4", C4, STARTUP, null, T1))
                    .penalizesBy(0);
        }
    }

    @Nested
    class TableChange {

        @Test
        void penalisesAWalkBetweenConsecutiveMeetingsOfOneRepresentative() {
            // C3: T1 -> T2 -> T2 (one walk; the break before T2 does not matter); C4: T1 -> T3; STARTUP: T2 -> T2
            // -> T3. One walk each.
            VERIFIER.verifyThat(MeetingConstraintProvider::tableChange)
                    .givenSolution(schedule(PARTICIPANTS, required("m1", C3, C4, S1, T1),
                            required("m2", C3, STARTUP, S3, T2), required("m3", C3, STARTUP, S4, T2),
                            required("m4", C4, STARTUP, S6, T3)))
                    .penalizesBy(3);
        }

        @Test
        void ignoresNewDaysAndParticipantsThatSit() {
            // C3 walks T1 -> T3 across two days; AGENCY sits (two officials at T1 and T2), and so does DISTRICT
            // (one official, at T3, visiting T1 once): seats, not walks.
            VERIFIER.verifyThat(MeetingConstraintProvider::tableChange)
                    .givenSolution(schedule(WITH_DISTRICT, required("m1", C3, AGENCY, S1, T1),
                            required("m2", C4, AGENCY, S3, T2), required("m3", C3, C4, S7, T3),
                            required("m4", STARTUP, DISTRICT, S4, T3), required("m5", C3, DISTRICT, S5, T1)))
                    .penalizesBy(0);
        }
    }

    /** An agency with one official and no home table: it gets the table nobody else sits at, T3. */
    private static final Participant DISTRICT = new Participant("a-2", 4, Role.AGENCY, "District 1", 1, 0,
            Participant.UNLIMITED, Set.of(), null, List.of(), List.of());
    private static final List<Participant> WITH_DISTRICT = List.of(STARTUP, AGENCY, C3, C4, DISTRICT);

    @Nested
    class AwayFromSeat {

        @Test
        void penalisesEachMeetingOfAParticipantThatSitsHeldAwayFromItsSeats() {
            // AGENCY sits at T1 and T2: its meeting at T3 is away; DISTRICT sits at T3: its meeting at T1 is away.
            VERIFIER.verifyThat(MeetingConstraintProvider::awayFromSeat)
                    .givenSolution(schedule(WITH_DISTRICT, required("m1", STARTUP, AGENCY, S1, T3),
                            required("m2", C3, DISTRICT, S2, T1)))
                    .penalizesBy(2);
        }

        @Test
        void letsEveryRepresentativeSitAtItsOwnSeatWhileOthersWalk() {
            // Two officials of AGENCY at T1 and T2 in one slot; DISTRICT at T3; the companies and the startup walk.
            VERIFIER.verifyThat(MeetingConstraintProvider::awayFromSeat)
                    .givenSolution(schedule(WITH_DISTRICT, required("m1", STARTUP, AGENCY, S1, T1),
                            required("m2", C3, AGENCY, S1, T2), required("m3", C4, DISTRICT, S1, T3),
                            required("m4", C3, C4, S2, T1), required("m5", STARTUP, AGENCY, null, T3)))
                    .penalizesBy(0);
        }
    }
}
