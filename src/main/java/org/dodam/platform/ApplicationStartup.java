package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.dodam.platform.crypto.DataDirectory;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the start-up steps in a fixed order: read every setting (a bad value stops the start here, naming the
 * variable; the log names the variables that were set, never their values), migrate the schema, then let the features that load data
 * (course content, the demo school) observe {@link DatabaseReady} in their declared priority. The
 * readiness check reports ready only after all of them have finished.
 */
@ApplicationScoped
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    private final AtomicBoolean ready = new AtomicBoolean();

    @Inject
    Instance<Settings> settings;

    @Inject
    Config sources;

    @Inject
    DatabaseMigrations migrations;

    @Inject
    PlatformSettings config;

    @Inject
    Event<DatabaseReady> databaseReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        List<String> set = settings.stream()
                .flatMap(holder -> holder.declared().stream())
                .filter(setting -> setting.isSet(sources))
                .map(Setting::environmentVariable)
                .sorted()
                .toList();
        LOG.info("Settings read; set in the environment: " + (set.isEmpty() ? "none" : String.join(", ", set)));
        migrations.migrate();
        if (config.embeddedDatabase()) {
            DataDirectory.restrict(config.dataDirectory());
        }
        databaseReady.fire(new DatabaseReady());
        ready.set(true);
    }

    public boolean ready() {
        return ready.get();
    }

    /** Fired once the schema is current; observers load or seed data, ordered by {@code @Priority}. */
    public record DatabaseReady() {
        public static final int CONTENT = 100;
        public static final int SETUP = 150;
        public static final int DEMO = 200;
    }
}
