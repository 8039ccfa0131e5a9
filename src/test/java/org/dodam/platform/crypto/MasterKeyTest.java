package org.dodam.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Keys derived for a purpose are stable for one master key and unrelated across purposes and master keys. */
class MasterKeyTest {

    @Test
    void aDerivedKeyDependsOnThePurposeAndTheMasterKeyOnly() {
        MasterKey master = masterKey(1);
        SecretKey tokens = master.derive("quiz-option-tokens");
        assertThat(tokens.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(tokens.getEncoded()).hasSize(32);
        assertThat(masterKey(1).derive("quiz-option-tokens").getEncoded()).as("after a restart").isEqualTo(tokens.getEncoded());
        assertThat(master.derive("another-purpose").getEncoded()).isNotEqualTo(tokens.getEncoded());
        assertThat(masterKey(2).derive("quiz-option-tokens").getEncoded()).isNotEqualTo(tokens.getEncoded());
    }

    private static MasterKey masterKey(int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        MasterKey key = new MasterKey();
        key.random = new SecureRandom();
        key.configuredKey = Optional.of(Base64.getEncoder().encodeToString(raw));
        key.configuredFile = Optional.empty();
        key.load();
        return key;
    }
}
