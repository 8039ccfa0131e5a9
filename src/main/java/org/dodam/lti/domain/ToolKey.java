package org.dodam.lti.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.dodam.platform.crypto.Sealing;

/**
 * One of Dodam's own RSA signing keys, which platforms find in Dodam's key set by its {@code kid} (the key's
 * RFC 7638 thumbprint). It is made once and kept in the database, so that every instance of a cluster signs with
 * the same key. The private half is sealed (AES-GCM, {@link Sealing}) under a data key of its own, and that data key
 * is wrapped under the master key, like a school's report key: the database alone opens nothing, and rotating the
 * master key only wraps the data key again ({@link #rewrap}).
 *
 * <p>A key signs until it is retired; then it stays published until {@link #publishedUntil}, so that a platform
 * still holding something Dodam signed with it (or a key set it fetched before) can check it. See {@link ToolKeyRing}.
 */
@Entity
@Table(name = "lti_tool_key")
@NamedQuery(name = "ToolKey.all", query = "select k from ToolKey k order by k.createdAt desc, k.kid")
public class ToolKey {

    /** The associated data of a tool key's data key (under the master key) and of its private key (under the data key). */
    public enum Seal {
        DATA_KEY("dodam/lti-tool-key/data-key/"),
        PRIVATE_KEY("dodam/lti-tool-key/private-key/");

        private final String prefix;

        Seal(String prefix) {
            this.prefix = prefix;
        }

        public String context(String kid) {
            return prefix + kid;
        }
    }

    public static final int KEY_BITS = 2048;

    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "public_jwk", nullable = false, length = 2000)
    private String publicJwk;

    @Column(name = "wrapped_key", nullable = false, length = 200)
    private String wrappedKey;

    @Column(name = "sealed_private_key", nullable = false, length = 4000)
    private String sealedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "published_until")
    private Instant publishedUntil;

    protected ToolKey() {}

    private ToolKey(RSAKey key, SecretKey dataKey, String wrappedKey, Instant createdAt, SecureRandom random) {
        this.kid = Objects.requireNonNull(key.getKeyID(), "kid");
        this.publicJwk = key.toPublicJWK().toJSONString();
        this.wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey");
        try {
            this.sealedPrivateKey = Sealing.sealBytes(
                    dataKey, key.toRSAPrivateKey().getEncoded(), Seal.PRIVATE_KEY.context(kid), random);
        } catch (JOSEException e) {
            throw new IllegalStateException("a freshly generated RSA key has a private half", e);
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A new RSA key pair. {@code wrap} wraps the new key's data key under the master key, given the associated data
     * for that key id.
     */
    public static ToolKey generate(
            SecretKey dataKey, java.util.function.Function<String, String> wrap, Instant now, SecureRandom random) {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .secureRandom(random)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
        return new ToolKey(key, dataKey, wrap.apply(Seal.DATA_KEY.context(key.getKeyID())), now, random);
    }

    /** The public key as published in Dodam's key set. */
    public RSAKey publicKey() {
        try {
            return RSAKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored public key " + kid + " does not parse", e);
        }
    }

    /** The key pair, its private half opened with the data key that {@link #wrappedKey()} unwraps to. */
    public RSAKey signingKey(SecretKey dataKey) {
        byte[] pkcs8 = Sealing.openBytes(dataKey, sealedPrivateKey, Seal.PRIVATE_KEY.context(kid));
        try {
            RSAPrivateKey privateKey =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey()).privateKey(privateKey).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + kid + " does not load", e);
        }
    }

    /** Takes the key off signing; it stays in the key set for {@code grace}. Retiring twice changes nothing. */
    public void retire(Instant now, Duration grace) {
        if (retiredAt == null) {
            retiredAt = Objects.requireNonNull(now, "now");
            publishedUntil = now.plus(grace);
        }
    }

    /** The data key wrapped again under the master key's current key, after a rotation of the master key. */
    public void rewrap(String wrappedAgain) {
        this.wrappedKey = Objects.requireNonNull(wrappedAgain, "wrappedAgain");
    }

    public boolean signs() {
        return retiredAt == null;
    }

    public boolean publishedAt(Instant now) {
        return retiredAt == null || publishedUntil.isAfter(now);
    }

    public String kid() {
        return kid;
    }

    public String wrappedKey() {
        return wrappedKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public Instant publishedUntil() {
        return publishedUntil;
    }
}
