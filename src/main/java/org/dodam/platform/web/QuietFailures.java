package org.dodam.platform.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Failures of the anonymous report pages, logged once a day as counts instead of one timed line each: a
 * log line written the second a report page failed would date that reporter's visit, which the report
 * itself keeps only to the day. Only the exception types and Dodam's own frame are kept (see
 * {@link PrivateErrorLog}), never a message, and at most a few hundred different outlines.
 */
@ApplicationScoped
public class QuietFailures {

    private static final Logger LOG = Logger.getLogger(QuietFailures.class.getName());
    private static final Map<String, Integer> PENDING = new TreeMap<>();
    private static final int MAX_OUTLINES = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    static void record(String outline) {
        synchronized (PENDING) {
            if (PENDING.size() < MAX_OUTLINES || PENDING.containsKey(outline)) {
                PENDING.merge(outline, 1, Integer::sum);
            } else {
                PENDING.merge("(other)", 1, Integer::sum);
            }
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        task = scheduler.scheduleAtFixedRate(QuietFailures::flush, 1, 1, TimeUnit.DAYS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        flush();
    }

    static void flush() {
        Map<String, Integer> counts;
        synchronized (PENDING) {
            if (PENDING.isEmpty()) {
                return;
            }
            counts = new TreeMap<>(PENDING);
            PENDING.clear();
        }
        LOG.severe(() -> "Report pages failed in the last day (counted, not timed): " + counts);
    }
}
