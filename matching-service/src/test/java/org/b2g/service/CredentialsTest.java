package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token secret and the organizer token as kept in the data folder, and the personal tokens made from them. */
@org.junit.jupiter.api.Tag("embedded-db") // needs no database, or only the embedded one: run once
class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void createsTheSecretOnceAndReadsTheSameOneAfterwards() throws Exception {
        Credentials first = Credentials.load(dir, null);
        Credentials second = Credentials.load(dir, null);
        assertEquals(first.participantToken("key", "s-1", 0), second.participantToken("key", "s-1", 0));
        assertEquals(first.adminToken(), second.adminToken());
        assertTrue(first.generatedAdminToken());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAnEmptyOrShortSecretInsteadOfRevokingEveryLink() throws Exception {
        Files.writeString(dir.resolve(Credentials.SECRET_FILE), "");
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> Credentials.load(dir, null));
        assertTrue(empty.getMessage().contains("token-secret"), empty.getMessage());
        Files.writeString(dir.resolve(Credentials.SECRET_FILE), "c2hvcnQ");
        assertThrows(IllegalStateException.class, () -> Credentials.load(dir, null));
    }

    @Test
    void refusesAShortOrganizerTokenFile() throws Exception {
        Files.writeString(dir.resolve(Credentials.ADMIN_TOKEN_FILE), "short");
        assertThrows(IllegalStateException.class, () -> Credentials.load(dir, null));
    }

    @Test
    void changesAParticipantsTokenWithTheEventsLinkKeyAndItsGeneration() {
        Credentials credentials = Credentials.load(dir, "an-organizer-token-long-enough");
        String token = credentials.participantToken("key-1", "s-1", 0);
        assertNotEquals(token, credentials.participantToken("key-2", "s-1", 0));
        assertNotEquals(token, credentials.participantToken("key-1", "s-1", 1));
        // Parts are length-prefixed: moving a character from one part to the next gives another token.
        assertNotEquals(credentials.participantToken("ab", "c", 0), credentials.participantToken("a", "bc", 0));
        assertTrue(credentials.isParticipant(token, "key-1", "s-1", 0));
    }
}
