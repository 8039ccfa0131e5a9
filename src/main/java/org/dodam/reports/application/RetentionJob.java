package org.dodam.reports.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes closed cases once the school's retention period has passed since they were closed
 * (DODAM_REPORT_RETENTION_DAYS, 365 by default), checking every DODAM_REPORT_RETENTION_CHECK_SECONDS
 * (an hour). Each deletion leaves a line without content in the audit log.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CaseWork caseWork;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "dodam.report.retention-days", defaultValue = "365")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "dodam.report.retention-check-seconds", defaultValue = "3600")
    int checkSeconds;

    private ScheduledFuture<?> task;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 60) DatabaseReady ready) {
        if (retentionDays < 0 || checkSeconds < 1) {
            throw new IllegalStateException("DODAM_REPORT_RETENTION_DAYS must be 0 or more and the check interval 1 s or more");
        }
        task = scheduler.scheduleWithFixedDelay(this::run, checkSeconds, checkSeconds, TimeUnit.SECONDS);
    }

    void run() {
        try {
            int deleted = caseWork.deleteClosedBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
            if (deleted > 0) {
                LOG.info(() -> "Retention: deleted " + deleted + " closed case(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention check failed: {0}", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
