package org.dodam.reports.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.platform.PlatformSettings;
import org.dodam.platform.crypto.MasterKey;

/**
 * Rotating the master key without downtime. The operator puts a new key on the first line of the key
 * file and keeps the old one below it; within DODAM_MASTER_KEY_CHECK_SECONDS (a minute) Dodam reads the
 * file again and wraps every school's data key under the new key (the data keys, and so every sealed
 * report, stay as they are), and says so in the log; then the old line can go. At start-up it does the
 * same for any data key still wrapped under an older key of the file.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MasterKey masterKey;

    @Inject
    ReportChannels channels;

    @Inject
    PlatformSettings settings;

    private ScheduledFuture<?> task;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 55) DatabaseReady ready) {
        rewrap();
        long every = settings.masterKeyCheck().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
    }

    void check() {
        try {
            if (masterKey.reload()) {
                rewrap();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The master key file could not be read again: {0}", e.getMessage());
        }
    }

    private void rewrap() {
        int rewrapped = channels.rewrapUnderCurrentKey();
        if (rewrapped > 0) {
            LOG.warning(() -> "Wrapped the data keys of " + rewrapped + " school(s) under master key "
                    + masterKey.currentKeyId() + "; older keys can now be removed from the key file.");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
