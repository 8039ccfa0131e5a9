package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.dodam.platform.crypto.Sealing;
import org.junit.jupiter.api.Test;

class SealingTest {

    final SecureRandom random = new SecureRandom();
    final SecretKey key = Sealing.newKey(random);

    @Test
    void aSealedTextOpensOnlyWithItsKeyInItsPlace() {
        String sealed = Sealing.seal(key, "딥페이크 신고 내용", "dodam/1/description/42", random);
        assertThat(sealed).startsWith("v2." + Sealing.keyId(key) + ".").doesNotContain("딥페이크");
        assertThat(Sealing.open(key, sealed, "dodam/1/description/42")).isEqualTo("딥페이크 신고 내용");
        assertThat(Sealing.seal(key, "딥페이크 신고 내용", "dodam/1/description/42", random))
                .as("a fresh IV each time")
                .isNotEqualTo(sealed);
        assertThatThrownBy(() -> Sealing.open(key, sealed, "dodam/2/description/42"))
                .isInstanceOf(Sealing.SealingException.class);
        assertThatThrownBy(() -> Sealing.open(Sealing.newKey(random), sealed, "dodam/1/description/42"))
                .isInstanceOf(Sealing.SealingException.class);
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> Sealing.open(key, tampered, "dodam/1/description/42"))
                .isInstanceOf(Sealing.SealingException.class);
    }

    @Test
    void aSealedTextShowsOnlyItsSizeBucketNotItsLength() {
        String yes = Sealing.seal(key, "yes", "dodam/1/message/7", random);
        String sentence = Sealing.seal(key, "It was in the class group chat on Monday.", "dodam/1/message/7", random);
        assertThat(yes).hasSameSizeAs(sentence);
        String longer = Sealing.seal(key, "가".repeat(30), "dodam/1/message/7", random);
        assertThat(longer.length()).as("90 bytes go to the next bucket").isGreaterThan(yes.length());
        assertThat(Sealing.open(key, longer, "dodam/1/message/7")).isEqualTo("가".repeat(30));
        assertThat(Sealing.open(key, Sealing.seal(key, "", "x", random), "x")).isEmpty();
        assertThat(Sealing.keyIdOf(yes)).contains(Sealing.keyId(key));
        assertThat(Sealing.keyId(Sealing.newKey(random))).isNotEqualTo(Sealing.keyId(key));
    }

    @Test
    void valuesSealedBeforePaddingStillOpenAndCannotBePassedOffAsNew() throws Exception {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, iv));
        cipher.updateAAD("dodam/1/note/9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal("an old note".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String v1 = "v1."
                + java.util.Base64.getEncoder()
                        .encodeToString(java.nio.ByteBuffer.allocate(12 + ciphertext.length)
                                .put(iv)
                                .put(ciphertext)
                                .array());
        assertThat(Sealing.open(key, v1, "dodam/1/note/9")).isEqualTo("an old note");
        String asV2 = "v2." + Sealing.keyId(key) + "." + v1.substring(3);
        assertThatThrownBy(() -> Sealing.open(key, asV2, "dodam/1/note/9"))
                .isInstanceOf(Sealing.SealingException.class);
    }
}
