package org.dodam.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.dodam.platform.PlatformSettings.DemoMode;
import org.junit.jupiter.api.Test;

/**
 * Keys derived for a purpose are stable for one master key and unrelated across purposes and master keys;
 * the key ring rotates; and the key file may not sit beside a school's own embedded database.
 */
class MasterKeyTest {

    @Test
    void aDerivedKeyDependsOnThePurposeAndTheMasterKeyOnly() {
        MasterKey master = masterKey(1);
        SecretKey tokens = master.derive("quiz-option-tokens");
        assertThat(tokens.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(tokens.getEncoded()).hasSize(32);
        assertThat(masterKey(1).derive("quiz-option-tokens").getEncoded())
                .as("after a restart")
                .isEqualTo(tokens.getEncoded());
        assertThat(master.derive("another-purpose").getEncoded()).isNotEqualTo(tokens.getEncoded());
        assertThat(masterKey(2).derive("quiz-option-tokens").getEncoded()).isNotEqualTo(tokens.getEncoded());
    }

    @Test
    void aSchoolsEmbeddedDatabaseRefusesTheKeyInItsDirectory() {
        Path data = Path.of("/srv/dodam/data");
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, data.resolve("master.key")))
                .isTrue();
        assertThat(MasterKey.besideDatabase(
                        true, DemoMode.FALSE, data, Path.of("/srv/dodam/data/../data/keys/master.key")))
                .isTrue();
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, Path.of("/etc/dodam/master.key")))
                .isFalse();
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, Path.of("/srv/dodam/data-keys/master.key")))
                .isFalse();
    }

    @Test
    void theDemoAndAServerDatabaseMayKeepTheDefault() {
        Path data = Path.of("/srv/dodam/data");
        assertThat(MasterKey.besideDatabase(true, DemoMode.AUTO, data, data.resolve("master.key")))
                .isFalse();
        assertThat(MasterKey.besideDatabase(false, DemoMode.FALSE, data, data.resolve("master.key")))
                .isFalse();
    }

    @Test
    void aRotatedRingWrapsWithTheNewKeyAndStillUnwrapsWhatTheOldOneWrapped() {
        byte[] one = new byte[32];
        one[0] = 1;
        byte[] two = new byte[32];
        two[0] = 2;
        MasterKey old = ring(Base64.getEncoder().encodeToString(one));
        SecretKey dataKey = Sealing.newKey(new SecureRandom());
        String wrappedOld = old.wrap(dataKey, "dodam/school-data-key/7");
        MasterKey rotated = ring(Base64.getEncoder().encodeToString(two) + ","
                + Base64.getEncoder().encodeToString(one));
        assertThat(rotated.currentKeyId()).isNotEqualTo(old.currentKeyId());
        assertThat(rotated.unwrap(wrappedOld, "dodam/school-data-key/7").getEncoded())
                .isEqualTo(dataKey.getEncoded());
        String wrappedNew = rotated.wrap(dataKey, "dodam/school-data-key/7");
        assertThat(Sealing.keyIdOf(wrappedNew)).contains(rotated.currentKeyId());
        MasterKey newOnly = ring(Base64.getEncoder().encodeToString(two));
        assertThat(newOnly.unwrap(wrappedNew, "dodam/school-data-key/7").getEncoded())
                .isEqualTo(dataKey.getEncoded());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> newOnly.unwrap(wrappedOld, "dodam/school-data-key/7"))
                .isInstanceOf(Sealing.SealingException.class);
    }

    private static MasterKey ring(String keys) {
        MasterKey key = new MasterKey();
        key.random = new SecureRandom();
        key.useInline(keys);
        return key;
    }

    private static MasterKey masterKey(int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        MasterKey key = new MasterKey();
        key.random = new SecureRandom();
        key.useInline(Base64.getEncoder().encodeToString(raw));
        return key;
    }
}
