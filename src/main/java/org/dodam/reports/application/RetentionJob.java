package org.dodam.reports.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.platform.ApplicationStartup.DatabaseReady;

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
    ReportsSettings settings;

    private ScheduledFuture<?> task;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 60) DatabaseReady ready) {
        long every = settings.retentionCheck().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.SECONDS);
    }

    void run() {
        try {
            int deleted = caseWork.deleteClosedBefore(clock.instant().minus(settings.retention()));
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
