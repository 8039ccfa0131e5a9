package org.dodam.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dodam.platform.crypto.DataDirectory;

/**
 * Runs the start-up steps in a fixed order: migrate the schema, then let the features that load data
 * (course content, the demo school) observe {@link DatabaseReady} in their declared priority. The
 * readiness check reports ready only after all of them have finished.
 */
@ApplicationScoped
public class ApplicationStartup {

    private final AtomicBoolean ready = new AtomicBoolean();

    @Inject
    DatabaseMigrations migrations;

    @Inject
    DodamConfig config;

    @Inject
    Event<DatabaseReady> databaseReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
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
