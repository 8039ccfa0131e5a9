package org.dodam.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.dodam.lti.domain.ToolKey;
import org.dodam.lti.domain.ToolKeyRing;
import org.dodam.platform.crypto.Sealing;
import org.junit.jupiter.api.Test;

/**
 * Dodam's LTI signing keys: the private half is stored sealed and opens only with its own data key and key id; the
 * newest key signs; a rotation keeps the old key published for the grace period and not after.
 */
class ToolKeyRingTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void aStoredKeySignsWhatItsPublishedHalfVerifiesAndItsPrivateHalfIsSealed() throws Exception {
        SecretKey dataKey = Sealing.newKey(RANDOM);
        List<String> wrapContexts = new ArrayList<>();
        ToolKey key = ToolKey.generate(
                dataKey,
                context -> {
                    wrapContexts.add(context);
                    return "wrapped-for-test";
                },
                T0,
                RANDOM);
        assertThat(wrapContexts).containsExactly("dodam/lti-tool-key/data-key/" + key.kid());
        assertThat(key.publicKey().isPrivate()).isFalse();
        assertThat(key.publicKey().getKeyID())
                .isEqualTo(key.kid())
                .isEqualTo(key.publicKey().computeThumbprint().toString());
        assertThat(key.publicKey().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);

        RSAKey signing = key.signingKey(dataKey);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(),
                new JWTClaimsSet.Builder().issuer("dodam").build());
        jwt.sign(new RSASSASigner(signing));
        assertThat(SignedJWT.parse(jwt.serialize()).verify(new RSASSAVerifier(key.publicKey())))
                .isTrue();

        assertThatThrownBy(() -> key.signingKey(Sealing.newKey(RANDOM)))
                .as("another data key")
                .isInstanceOf(Sealing.SealingException.class);
    }

    @Test
    void rotationSignsWithTheNewKeyAndPublishesTheOldOneForTheGracePeriodOnly() {
        SecretKey dataKey = Sealing.newKey(RANDOM);
        ToolKey first = ToolKey.generate(dataKey, c -> "w", T0, RANDOM);
        ToolKeyRing ring = new ToolKeyRing(List.of(first));
        assertThat(ring.signing()).contains(first);
        assertThat(ring.published(T0.plus(Duration.ofDays(400)))).containsExactly(first);

        Instant rotatedAt = T0.plus(Duration.ofDays(30));
        ToolKey second = ToolKey.generate(dataKey, c -> "w", rotatedAt, RANDOM);
        ToolKeyRing rotated = ring.rotateTo(second, rotatedAt, ToolKeyRing.GRACE);

        assertThat(rotated.signing()).contains(second);
        assertThat(first.signs()).isFalse();
        assertThat(first.retiredAt()).isEqualTo(rotatedAt);
        assertThat(rotated.published(rotatedAt.plusSeconds(1)))
                .as("the signing key first")
                .containsExactly(second, first);
        assertThat(rotated.published(rotatedAt.plus(ToolKeyRing.GRACE).minusSeconds(1)))
                .containsExactly(second, first);
        assertThat(rotated.published(rotatedAt.plus(ToolKeyRing.GRACE))).containsExactly(second);

        first.retire(rotatedAt.plus(Duration.ofDays(3)), Duration.ofDays(100));
        assertThat(first.publishedUntil())
                .as("retiring twice changes nothing")
                .isEqualTo(rotatedAt.plus(ToolKeyRing.GRACE));
    }

    @Test
    void twoInstancesThatEachMadeAFirstKeyKeepTheNewestSigningAndPublishBoth() {
        SecretKey dataKey = Sealing.newKey(RANDOM);
        ToolKey older = ToolKey.generate(dataKey, c -> "w", T0, RANDOM);
        ToolKey newer = ToolKey.generate(dataKey, c -> "w", T0.plusMillis(5), RANDOM);
        ToolKeyRing ring = new ToolKeyRing(List.of(newer, older));
        assertThat(ring.signing()).contains(newer);
        assertThat(ring.keepOneSigning(T0.plusSeconds(1), ToolKeyRing.GRACE)).isTrue();
        assertThat(older.signs()).isFalse();
        assertThat(newer.signs()).isTrue();
        assertThat(ring.published(T0.plusSeconds(2))).containsExactly(newer, older);
        assertThat(ring.keepOneSigning(T0.plusSeconds(3), ToolKeyRing.GRACE)).isFalse();
    }

    @Test
    void aSigningKeyIsDueForRotationOnceItIsOlderThanTheMaximumAge() {
        SecretKey dataKey = Sealing.newKey(RANDOM);
        ToolKey key = ToolKey.generate(dataKey, c -> "w", T0, RANDOM);
        ToolKeyRing ring = new ToolKeyRing(List.of(key));
        Duration ninetyDays = Duration.ofDays(90);
        assertThat(ring.rotationDue(T0.plus(ninetyDays), ninetyDays)).isFalse();
        assertThat(ring.rotationDue(T0.plus(ninetyDays).plusSeconds(1), ninetyDays))
                .isTrue();
        ToolKey next = ToolKey.generate(dataKey, c -> "w", T0.plus(ninetyDays).plusSeconds(1), RANDOM);
        ToolKeyRing rotated = ring.rotateTo(next, T0.plus(ninetyDays).plusSeconds(1), ToolKeyRing.GRACE);
        assertThat(rotated.rotationDue(T0.plus(ninetyDays).plusSeconds(2), ninetyDays))
                .as("the new key is young")
                .isFalse();
        assertThat(new ToolKeyRing(List.of()).rotationDue(T0, ninetyDays))
                .as("no key yet")
                .isFalse();
    }
}
