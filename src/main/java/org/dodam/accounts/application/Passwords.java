package org.dodam.accounts.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA512 at 210,000 iterations (OWASP's 2023 figure for
 * that hash) instead of the container's much weaker default.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    /** Temporary passwords avoid look-alike characters, so they can be read out or copied by hand. */
    private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    SecureRandom random;

    private volatile String unknownUserHash;
    private volatile String unusableHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String temporary() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /**
     * A hash no password matches, for an account whose person signs in elsewhere (their school's learning platform):
     * the hash of 256 random bits that were never kept. It is a real hash, so a password tried against such an
     * account fails like any wrong password, in the same time. One per instance, made when first needed.
     */
    public String unusable() {
        String made = unusableHash;
        if (made == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            made = hash(java.util.HexFormat.of().formatHex(secret));
            unusableHash = made;
        }
        return made;
    }

    /** Verifies against a throw-away hash, so an unknown username takes as long as a known one. */
    public void spendTimeOnUnknownUser(String password) {
        String dummy = unknownUserHash;
        if (dummy == null) {
            dummy = hash("unknown-user-" + System.nanoTime());
            unknownUserHash = dummy;
        }
        hash.verify(password.toCharArray(), dummy);
    }
}
