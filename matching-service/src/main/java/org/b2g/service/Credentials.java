package org.b2g.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.b2g.service.persistence.Database;
import org.b2g.service.persistence.SecretRepository;

/**
 * The organizer token and the secret behind participant tokens. A participant's token is an HMAC, under the secret,
 * of three parts: the event's link key (new for every stored event, so a deleted and re-created event does not bring
 * old links back), the participant id, and the participant's link generation (raised to revoke one link). Nothing
 * secret is stored per participant. The organizer token comes from {@code B2G_ADMIN_TOKEN}, the secret from
 * {@code B2G_TOKEN_SECRET} (base64url, 32 bytes or more); what the environment does not give is kept with the data:
 * in the data folder beside the embedded database, or in the shared database when replicas share one (the first
 * replica to start generates it, the others read it), so that a token issued by one replica works on all.
 */
public final class Credentials {

    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String SECRET_FILE = "token-secret";
    /** The secret's least length: an HMAC key shorter than its 256-bit output weakens it. */
    static final int MIN_SECRET_BYTES = 32;
    static final int MIN_ADMIN_TOKEN = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminToken;
    private final byte[] secret;
    private final boolean generatedAdminToken;

    Credentials(String adminToken, byte[] secret, boolean generatedAdminToken) {
        if (adminToken == null || adminToken.length() < MIN_ADMIN_TOKEN) {
            throw new IllegalArgumentException("The organizer token must have at least " + MIN_ADMIN_TOKEN
                    + " characters.");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The token secret has " + secret.length + " bytes; at least "
                    + MIN_SECRET_BYTES + " are needed.");
        }
        this.adminToken = adminToken;
        this.secret = secret.clone();
        this.generatedAdminToken = generatedAdminToken;
    }

    public String adminToken() {
        return adminToken;
    }

    /** True when this start created the organizer token (it is kept in the data folder, never printed). */
    public boolean generatedAdminToken() {
        return generatedAdminToken;
    }

    /**
     * Loads the credentials from {@code dataDir}, creating what is missing; {@code envToken} wins when set.
     *
     * @throws IllegalStateException when a file holds an empty or too short value (a broken write, or an edit):
     *         replacing it silently would revoke every personal link
     */
    public static Credentials load(Path dataDir, String envToken) {
        return load(dataDir, envToken, null);
    }

    /** As {@link #load(Path, String)}; {@code envSecret} (base64url), when set, is the secret instead of the file's. */
    public static Credentials load(Path dataDir, String envToken, String envSecret) {
        try {
            Files.createDirectories(dataDir);
            byte[] secret = envSecret != null && !envSecret.isBlank()
                    ? decodeSecret(envSecret.strip(), "$B2G_TOKEN_SECRET") : fileSecret(dataDir.resolve(SECRET_FILE));
            if (envToken != null && !envToken.isBlank()) {
                return new Credentials(requireAdminToken(envToken), secret, false);
            }
            Path tokenFile = dataDir.resolve(ADMIN_TOKEN_FILE);
            boolean existed = Files.exists(tokenFile);
            String token = readOrCreate(tokenFile, randomText());
            if (token.length() < MIN_ADMIN_TOKEN) {
                throw new BadConfigurationException(tokenFile + " holds " + token.length() + " characters; at least "
                        + MIN_ADMIN_TOKEN + " are needed. Put a longer token there, or delete it to make a new one.");
            }
            return new Credentials(token, secret, !existed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the tokens in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The organizer token {@code $B2G_ADMIN_TOKEN} gives, stripped; null when it gives none.
     *
     * @throws BadConfigurationException when it is shorter than {@value #MIN_ADMIN_TOKEN} characters
     */
    static String requireAdminToken(String envToken) {
        if (envToken == null || envToken.isBlank()) {
            return null;
        }
        String token = envToken.strip();
        if (token.length() < MIN_ADMIN_TOKEN) {
            throw new BadConfigurationException("$B2G_ADMIN_TOKEN has " + token.length() + " characters; at least "
                    + MIN_ADMIN_TOKEN + " are needed.");
        }
        return token;
    }

    /** Where a generated or stored organizer token is kept when the database is shared. */
    static final String SHARED_ADMIN_TOKEN = "admin-token";
    static final String SHARED_SECRET = "token-secret";

    /**
     * Credentials shared by every replica of one database: the environment's values when set, else the database's,
     * created by the first replica that needs them.
     *
     * @throws IllegalStateException when a value (from the environment or the database) is too short or not base64url
     */
    public static Credentials shared(Database database, String envToken, String envSecret) {
        SecretRepository secrets = new SecretRepository();
        byte[] secret = decodeSecret(envSecret != null && !envSecret.isBlank() ? envSecret.strip()
                : sharedValue(database, secrets, SHARED_SECRET), envSecret != null && !envSecret.isBlank()
                        ? "$B2G_TOKEN_SECRET" : "the database's service_secrets row '" + SHARED_SECRET + "'");
        if (envToken != null && !envToken.isBlank()) {
            return new Credentials(requireAdminToken(envToken), secret, false);
        }
        boolean existed = database.inTransaction(c -> secrets.find(c, SHARED_ADMIN_TOKEN)) != null;
        String token = sharedValue(database, secrets, SHARED_ADMIN_TOKEN);
        if (token.length() < MIN_ADMIN_TOKEN) {
            throw new BadConfigurationException("The database's service_secrets row '" + SHARED_ADMIN_TOKEN + "' holds "
                    + token.length() + " characters; at least " + MIN_ADMIN_TOKEN + " are needed.");
        }
        return new Credentials(token, secret, !existed);
    }

    private static String sharedValue(Database database, SecretRepository secrets, String name) {
        String stored = database.inTransaction(c -> secrets.find(c, name));
        if (stored != null) {
            return stored;
        }
        String fresh = randomText();
        try {
            database.inTransaction(c -> {
                secrets.insert(c, name, fresh, System.currentTimeMillis());
                return null;
            });
            return fresh;
        } catch (Database.ConflictException e) {
            return database.inTransaction(c -> secrets.find(c, name)); // another replica stored it first
        }
    }

    private static byte[] decodeSecret(String text, String place) {
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadConfigurationException(place + " is not base64url text.");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new BadConfigurationException(place + " holds " + secret.length + " bytes; at least " + MIN_SECRET_BYTES
                    + " are needed.");
        }
        return secret;
    }

    /** The secret kept in {@code secretFile}, created when there is none. */
    private static byte[] fileSecret(Path secretFile) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(readOrCreate(secretFile, randomText()));
        } catch (IllegalArgumentException e) {
            throw new BadConfigurationException(secretFile + " is not base64url text; restore it, or delete it to "
                    + "make a new secret (every personal link then changes).");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new BadConfigurationException(secretFile + " holds " + secret.length + " bytes; at least "
                    + MIN_SECRET_BYTES + " are needed. Restore it, or delete it to make a new secret (every "
                    + "personal link then changes).");
        }
        return secret;
    }

    /**
     * The personal token of a participant.
     *
     * @param linkKey the event's link key
     * @param generation the participant's link generation (0 until its link is rotated)
     */
    public String participantToken(String linkKey, String participantId, int generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            // Each part with its length: no two different triples give the same input.
            for (String part : new String[] {linkKey, participantId, Integer.toString(generation)}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return "p_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM.", e);
        }
    }

    public boolean isAdmin(String token) {
        return token != null && equal(token, adminToken);
    }

    public boolean isParticipant(String token, String linkKey, String participantId, int generation) {
        return token != null && equal(token, participantToken(linkKey, participantId, generation));
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

    /**
     * The file's text; when there is no file, {@code fresh} is written to a private temporary file first and moved
     * into place, so that a crash never leaves an empty or half-written secret behind. When two processes start at
     * once, the first to move wins and the other reads its value.
     */
    private static String readOrCreate(Path file, String fresh) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Path temp;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        }
        try {
            Files.writeString(temp, fresh, StandardCharsets.UTF_8);
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                // A hard link appears whole or not at all, and never replaces a file another process made meanwhile.
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file); // fails too when the file exists
            }
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(temp);
        }
        return fresh;
    }
}
