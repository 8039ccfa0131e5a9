package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dodam.platform.DodamConfig.DemoMode;
import org.dodam.platform.crypto.MasterKey;
import org.junit.jupiter.api.Test;

/** Where the master key may live: never beside a school's own embedded database, whose backups would carry it. */
class MasterKeyTest {

    final Path data = Path.of("/srv/dodam/data");

    @Test
    void aSchoolsEmbeddedDatabaseRefusesTheKeyInItsDirectory() {
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, data.resolve("master.key"))).isTrue();
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, Path.of("/srv/dodam/data/../data/keys/master.key"))).isTrue();
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, Path.of("/etc/dodam/master.key"))).isFalse();
        assertThat(MasterKey.besideDatabase(true, DemoMode.FALSE, data, Path.of("/srv/dodam/data-keys/master.key"))).isFalse();
    }

    @Test
    void theDemoAndAServerDatabaseMayKeepTheDefault() {
        assertThat(MasterKey.besideDatabase(true, DemoMode.AUTO, data, data.resolve("master.key"))).isFalse();
        assertThat(MasterKey.besideDatabase(false, DemoMode.FALSE, data, data.resolve("master.key"))).isFalse();
    }
}
