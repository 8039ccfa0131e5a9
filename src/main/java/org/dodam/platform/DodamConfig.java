package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dodam's run-time settings, read through MicroProfile Config so that every value comes from the
 * environment of the running server (DODAM_DB_URL, DODAM_DATA_DIR, ...) and never from the build.
 * Defaults in META-INF/microprofile-config.properties give the embedded H2 set-up.
 */
@ApplicationScoped
public class DodamConfig {

    @Inject
    @ConfigProperty(name = "dodam.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "dodam.db.url")
    String databaseUrl;

    @Inject
    @ConfigProperty(name = "dodam.demo")
    String demo;

    public Path dataDirectory() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The embedded database is H2 in a file; anything else counts as a production database. */
    public boolean embeddedDatabase() {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    public DemoMode demoMode() {
        return DemoMode.parse(demo);
    }

    /** Whether the demo school may be created: on by default for the embedded database only. */
    public enum DemoMode {
        AUTO, TRUE, FALSE;

        static DemoMode parse(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "yes" -> TRUE;
                case "false", "off", "no" -> FALSE;
                default -> AUTO;
            };
        }
    }
}
