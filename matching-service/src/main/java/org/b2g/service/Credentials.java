package org.b2g.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The organizer token and the secret behind participant tokens. A participant's token is an HMAC of the event and
 * participant ids under the secret: unguessable, nothing to store per participant, and the same every time it is
 * asked for. The organizer token comes from {@code B2G_ADMIN_TOKEN}, else from the data folder, where it is
 * generated on first start.
 */
public final class Credentials {

    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String SECRET_FILE = "token-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminToken;
    private final byte[] secret;
    private final boolean generatedAdminToken;

    Credentials(String adminToken, byte[] secret, boolean generatedAdminToken) {
        if (adminToken == null || adminToken.length() < 16) {
            throw new IllegalArgumentException("The organizer token must have at least 16 characters.");
        }
        this.adminToken = adminToken;
        this.secret = secret.clone();
        this.generatedAdminToken = generatedAdminToken;
    }

    public String adminToken() {
        return adminToken;
    }

    /** True when this start created the organizer token: it is printed once, then only kept in the data folder. */
    public boolean generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Loads the credentials from {@code dataDir}, creating what is missing; {@code envToken} wins when set. */
    public static Credentials load(Path dataDir, String envToken) {
        try {
            Files.createDirectories(dataDir);
            byte[] secret = Base64.getUrlDecoder().decode(readOrCreate(dataDir.resolve(SECRET_FILE), randomText()));
            if (envToken != null && !envToken.isBlank()) {
                return new Credentials(envToken.strip(), secret, false);
            }
            Path tokenFile = dataDir.resolve(ADMIN_TOKEN_FILE);
            boolean existed = Files.exists(tokenFile);
            String token = readOrCreate(tokenFile, randomText());
            return new Credentials(token, secret, !existed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the tokens in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The personal token of a participant of an event. */
    public String participantToken(String eventId, String participantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = mac.doFinal((eventId + "\n" + participantId).getBytes(StandardCharsets.UTF_8));
            return "p_" + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM.", e);
        }
    }

    public boolean isAdmin(String token) {
        return token != null && equal(token, adminToken);
    }

    public boolean isParticipant(String token, String eventId, String participantId) {
        return token != null && equal(token, participantToken(eventId, participantId));
    }

    /** Compares in constant time, so that response times do not leak how much of a token was right. */
    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readOrCreate(Path file, String fresh) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
            return fresh;
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
