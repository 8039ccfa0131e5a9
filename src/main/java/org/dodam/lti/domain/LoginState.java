package org.dodam.lti.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One OIDC login in flight, between Dodam's redirect to the platform and the platform's launch post. It lives in
 * the database, not in a cookie or the session, so that any instance of a cluster can take the launch and a browser
 * that refuses third-party cookies in the platform's frame loses nothing. Only hashes of the {@code state} and the
 * {@code nonce} are kept: someone reading the table (or a backup) cannot finish a login with them.
 *
 * <p>A state is used once ({@code used_at}, set by one conditional update, so two instances racing for it cannot
 * both win) and expires after {@link #LIFETIME}. The nonce belongs to its state alone: a launch must carry the
 * nonce of the very state it comes back with, so an id_token can be spent once only, whatever state it is replayed
 * with.
 */
@Entity
@Table(name = "lti_login")
@NamedQuery(
        name = "LoginState.use",
        query =
                "update LoginState s set s.usedAt = :now where s.stateHash = :hash and s.usedAt is null and s.expiresAt > :now")
@NamedQuery(name = "LoginState.purge", query = "delete from LoginState s where s.expiresAt < :before")
@NamedQuery(
        name = "LoginState.purgeOfRegistration",
        query = "delete from LoginState s where s.registrationId = :registration")
public class LoginState {

    /** Long enough for a platform that asks the person something; the usual round trip takes a second. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "nonce_hash", nullable = false, length = 64)
    private String nonceHash;

    @Column(name = "registration_id", nullable = false)
    private long registrationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected LoginState() {}

    public LoginState(String state, String nonce, long registrationId, Instant now) {
        this.stateHash = hash(Objects.requireNonNull(state, "state"));
        this.nonceHash = hash(Objects.requireNonNull(nonce, "nonce"));
        this.registrationId = registrationId;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Whether {@code nonce} is the one this login sent, compared in constant time. */
    public boolean sentNonce(String nonce) {
        return nonce != null
                && MessageDigest.isEqual(
                        hash(nonce).getBytes(StandardCharsets.US_ASCII), nonceHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** SHA-256 in hex: states and nonces are 256 random bits, so no salt or stretching is needed. */
    public static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long registrationId() {
        return registrationId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
