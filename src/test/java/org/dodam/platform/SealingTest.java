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
        assertThat(sealed).startsWith("v1.").doesNotContain("딥페이크");
        assertThat(Sealing.open(key, sealed, "dodam/1/description/42")).isEqualTo("딥페이크 신고 내용");
        assertThat(Sealing.seal(key, "딥페이크 신고 내용", "dodam/1/description/42", random)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> Sealing.open(key, sealed, "dodam/2/description/42")).isInstanceOf(Sealing.SealingException.class);
        assertThatThrownBy(() -> Sealing.open(Sealing.newKey(random), sealed, "dodam/1/description/42")).isInstanceOf(Sealing.SealingException.class);
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> Sealing.open(key, tampered, "dodam/1/description/42")).isInstanceOf(Sealing.SealingException.class);
    }
}
