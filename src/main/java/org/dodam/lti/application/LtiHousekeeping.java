package org.dodam.lti.application;

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

/**
 * At start-up, makes Dodam's first LTI signing key if there is none; then every minute deletes expired logins and
 * launch tickets,
 * keeps one signing key (two instances may have rotated at once), replaces a signing key older than
 * DODAM_LTI_KEY_ROTATION_DAYS (the old one stays published for its grace period), and wraps the signing keys' data keys under the master key's current key once the operator has rotated it (the
 * same promise the README makes for the schools' report keys: the old master key can then leave the key file).
 * Every instance does this; each step is harmless when another instance did it first.
 */
@ApplicationScoped
public class LtiHousekeeping {

    private static final Logger LOG = Logger.getLogger(LtiHousekeeping.class.getName());
    private static final long EVERY_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ToolKeys toolKeys;

    @Inject
    LtiLogins logins;

    @Inject
    LaunchTickets tickets;

    @Inject
    LtiSettings settings;

    private ScheduledFuture<?> task;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.SETUP + 20) DatabaseReady ready) {
        toolKeys.ensureSigningKey();
        task = scheduler.scheduleWithFixedDelay(this::tidy, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void tidy() {
        try {
            logins.purgeExpired();
            tickets.purgeExpired();
            toolKeys.ensureSigningKey();
            settings.keyRotation()
                    .filter(toolKeys::rotateIfOlderThan)
                    .ifPresent(age -> LOG.info(
                            "Dodam's LTI signing key was older than " + age.toDays() + " days and was replaced."));
            int rewrapped = toolKeys.rewrapUnderCurrentMasterKey();
            if (rewrapped > 0) {
                LOG.warning(() -> "Wrapped " + rewrapped + " LTI signing key(s) under the current master key.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "LTI housekeeping failed: {0}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
