package org.dodam.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The embedded database file is written by the H2 that Payara Micro carries (its copy wins over the WAR's), and
 * read by the tests with the H2 on their class path; two versions of H2 on one file corrupted it. The two must
 * be the same.
 */
class EmbeddedDatabaseVersionIT {

    @Test
    void theTestsReadTheDatabaseFileWithTheH2ThePayaraMicroServerWritesItWith() throws IOException {
        Path micro = Path.of(System.getProperty("dodam.micro", "target/payara-micro.jar"));
        String serverVersion;
        try (ZipFile jar = new ZipFile(micro.toFile())) {
            ZipEntry h2 = jar.getEntry("MICRO-INF/runtime/h2.jar");
            assertThat(h2).as("Payara Micro carries an H2").isNotNull();
            try (InputStream in = jar.getInputStream(h2);
                    JarInputStream inner = new JarInputStream(in)) {
                serverVersion = inner.getManifest().getMainAttributes().getValue("Implementation-Version");
            }
        }
        assertThat(org.h2.engine.Constants.VERSION).isEqualTo(serverVersion);
    }
}
