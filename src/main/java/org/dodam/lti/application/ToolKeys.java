package org.dodam.lti.application;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.dodam.lti.domain.ToolKey;
import org.dodam.lti.domain.ToolKeyRing;
import org.dodam.platform.crypto.MasterKey;
import org.dodam.platform.crypto.Sealing;

/**
 * Dodam's own key set: made once (at the first start with LTI, {@link #ensureSigningKey}), kept sealed in the
 * database, published at {@code /lti/jwks} with every key still in its grace period, and rotated by
 * {@link #rotate}: by the housekeeping when the signing key is older than DODAM_LTI_KEY_ROTATION_DAYS. The key set is the same on every instance because it is read from the database; the later
 * steps of LTI Advantage (deep linking responses, the client assertion of grade passback) sign with
 * {@link #signingKey}.
 *
 * <p>Rotation is an installation-wide operator action, not a school admin's: every school's platforms check
 * Dodam's signatures with the same key set.
 */
@ApplicationScoped
@Transactional
public class ToolKeys {

    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** Makes the first signing key if there is none; keeps one signing key if two instances made one each. */
    public void ensureSigningKey() {
        ToolKeyRing ring = ring();
        if (ring.signing().isEmpty()) {
            ToolKey key = newKey();
            em.persist(key);
            LOG.info(() -> "Made Dodam's LTI signing key " + key.kid() + ".");
        } else if (ring.keepOneSigning(clock.instant(), ToolKeyRing.GRACE)) {
            LOG.info("Kept one LTI signing key; the others stay published for their grace period.");
        }
    }

    /**
     * Starts signing with a new key; the keys that signed until now stay in the key set for {@code grace}. Returns
     * the new key id.
     */
    public String rotate(Duration grace) {
        ToolKey next = newKey();
        ring().rotateTo(next, clock.instant(), grace);
        em.persist(next);
        LOG.info(() -> "Rotated Dodam's LTI signing key to " + next.kid() + ".");
        return next.kid();
    }

    /**
     * Rotates (with {@link ToolKeyRing#GRACE}) when the signing key is older than {@code maxAge}; with two instances
     * doing so at once, the next {@link #ensureSigningKey} keeps the newer key. Returns whether it rotated.
     */
    public boolean rotateIfOlderThan(Duration maxAge) {
        if (!ring().rotationDue(clock.instant(), maxAge)) {
            return false;
        }
        rotate(ToolKeyRing.GRACE);
        return true;
    }

    /** The public key set platforms fetch: the signing key first, then retired keys in their grace period. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JWKSet publicKeySet() {
        List<JWK> keys = ring().published(clock.instant()).stream()
                .map(k -> (JWK) k.publicKey())
                .toList();
        return new JWKSet(keys);
    }

    /**
     * The key that signs now, private half included. In a transaction of its own when called outside one: the grade
     * sender calls it from a managed executor's thread, where Payara's non-transactional entity manager breaks.
     */
    public RSAKey signingKey() {
        ToolKey key = ring().signing().orElseThrow(() -> new IllegalStateException("Dodam has no LTI signing key yet"));
        return key.signingKey(masterKey.unwrap(key.wrappedKey(), ToolKey.Seal.DATA_KEY.context(key.kid())));
    }

    /**
     * Wraps the keys' data keys under the master key's current key where an older one wrapped them, so that the
     * operator can drop the old master key from the key file. Returns how many were wrapped again.
     */
    public int rewrapUnderCurrentMasterKey() {
        int rewrapped = 0;
        for (ToolKey key : keys()) {
            if (!Sealing.keyIdOf(key.wrappedKey()).orElse("").equals(masterKey.currentKeyId())) {
                String context = ToolKey.Seal.DATA_KEY.context(key.kid());
                key.rewrap(masterKey.wrap(masterKey.unwrap(key.wrappedKey(), context), context));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    private ToolKey newKey() {
        SecretKey dataKey = Sealing.newKey(random);
        return ToolKey.generate(dataKey, context -> masterKey.wrap(dataKey, context), clock.instant(), random);
    }

    private ToolKeyRing ring() {
        return new ToolKeyRing(keys());
    }

    private List<ToolKey> keys() {
        return em.createNamedQuery("ToolKey.all", ToolKey.class).getResultList();
    }
}
