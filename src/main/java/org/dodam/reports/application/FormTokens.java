package org.dodam.reports.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dodam.platform.crypto.MasterKey;

/**
 * The report form's one-time tokens, issued and checked by the server. A token holds the second it was
 * issued, 96 random bits and an HMAC of both with the school's link under a key derived from the master
 * key, so a token a client makes up, or one issued for another school, is refused, and a token survives a
 * restart. A token is good for a day and once (remembered in memory until it would have expired anyway),
 * so a double click or a reload of the receipt does not file a report twice. Its age is what a flood costs:
 * see {@link ClientThrottle#minimumFormAge}. Nothing in it says who the reporter is; it is never stored.
 */
@ApplicationScoped
public class FormTokens {

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int RANDOM_BYTES = 12;
    private static final int MAC_BYTES = 16;

    public enum Outcome {
        ACCEPTED,
        FORGED,
        EXPIRED,
        TOO_SOON,
        USED
    }

    /** What a check found; for TOO_SOON, how many more seconds the form must stay open. */
    public record Check(Outcome outcome, long waitSeconds) {}

    @Inject
    MasterKey masterKey;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    private byte[] key;
    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        key = masterKey.derive("report-form-tokens").getEncoded();
    }

    /** Tokens outside the container, for tests. */
    public static FormTokens forTesting(byte[] key, SecureRandom random, Clock clock) {
        FormTokens tokens = new FormTokens();
        tokens.key = key.clone();
        tokens.random = random;
        tokens.clock = clock;
        return tokens;
    }

    public String issue(String linkKey) {
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        long issued = clock.instant().getEpochSecond();
        ByteBuffer token = ByteBuffer.allocate(8 + RANDOM_BYTES + MAC_BYTES)
                .putLong(issued)
                .put(nonce)
                .put(mac(linkKey, issued, nonce));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * Checks a token sent with a report and, when it is accepted, uses it up. A form younger than
     * {@code minimumAge} is not refused: the reporter is asked to send it again a little later.
     */
    public Check use(String token, String linkKey, Duration minimumAge) {
        byte[] raw = decode(token);
        if (raw == null) {
            return new Check(Outcome.FORGED, 0);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        long issued = buffer.getLong();
        byte[] nonce = new byte[RANDOM_BYTES];
        buffer.get(nonce);
        byte[] sent = new byte[MAC_BYTES];
        buffer.get(sent);
        if (!MessageDigest.isEqual(sent, mac(linkKey, issued, nonce))) {
            return new Check(Outcome.FORGED, 0);
        }
        Instant now = clock.instant();
        Instant issuedAt = Instant.ofEpochSecond(issued);
        if (issuedAt.isAfter(now.plusSeconds(60)) || !issuedAt.plus(LIFETIME).isAfter(now)) {
            return new Check(Outcome.EXPIRED, 0);
        }
        Instant ready = issuedAt.plus(minimumAge);
        if (ready.isAfter(now)) {
            return new Check(Outcome.TOO_SOON, Duration.between(now, ready).toSeconds() + 1);
        }
        if (used.size() > 200_000) {
            used.values().removeIf(expiry -> expiry.isBefore(now));
        }
        if (used.putIfAbsent(token, issuedAt.plus(LIFETIME)) != null) {
            return new Check(Outcome.USED, 0);
        }
        return new Check(Outcome.ACCEPTED, 0);
    }

    /** Lets a token be used again after the report it carried was refused (a mistake to correct). */
    public void release(String token) {
        if (token != null) {
            used.remove(token);
        }
    }

    private static byte[] decode(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{48}")) {
            return null;
        }
        byte[] raw = Base64.getUrlDecoder().decode(token);
        return raw.length == 8 + RANDOM_BYTES + MAC_BYTES ? raw : null;
    }

    private byte[] mac(String linkKey, long issued, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(String.valueOf(linkKey).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(8).putLong(issued).array());
            mac.update(nonce);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
