package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.b2g.service.persistence.Database;
import org.junit.jupiter.api.Test;

/** Credentials kept in a shared database: every replica of one database issues and accepts the same tokens. */
class SharedCredentialsTest {

    private static Database database() {
        return Database.open(TestDatabase.url("jdbc:hsqldb:mem:secrets-" + System.nanoTime()), 2);
    }

    @Test
    void replicasOfOneDatabaseShareTheOrganizerTokenAndTheParticipantTokens() {
        try (Database database = database()) {
            Credentials first = Credentials.shared(database, null, null);
            Credentials second = Credentials.shared(database, null, null);
            assertTrue(first.generatedAdminToken());
            assertFalse(second.generatedAdminToken(), "the second replica reads what the first stored");
            assertEquals(first.adminToken(), second.adminToken());
            String token = first.participantToken("key", "s-1", 0);
            assertTrue(second.isParticipant(token, "key", "s-1", 0));
            assertFalse(second.isParticipant(token, "key", "s-1", 1));
        }
    }

    @Test
    void theEnvironmentWinsOverTheDatabase() {
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[40]);
        try (Database database = database()) {
            Credentials stored = Credentials.shared(database, null, null);
            Credentials fromEnvironment = Credentials.shared(database, "an-organizer-token-from-env", secret);
            assertEquals("an-organizer-token-from-env", fromEnvironment.adminToken());
            assertNotEquals(stored.participantToken("key", "s-1", 0),
                    fromEnvironment.participantToken("key", "s-1", 0));
        }
    }

    @Test
    void refusesASecretTooShortToBeSafe() {
        String shortSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[8]);
        try (Database database = database()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Credentials.shared(database, null, shortSecret));
            assertEquals("$B2G_TOKEN_SECRET holds 8 bytes; at least 32 are needed.", e.getMessage());
        }
    }
}
