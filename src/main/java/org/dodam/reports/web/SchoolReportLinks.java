package org.dodam.reports.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dodam.accounts.application.Actor;
import org.dodam.reports.application.ReportChannels;

/**
 * Each school's report link path, kept once it is known (a link key never changes): the header of every
 * student page shows it, and asking the database for it each time would cost a transaction per page.
 */
@Named
@ApplicationScoped
public class SchoolReportLinks {

    @Inject
    ReportChannels channels;

    private final Map<Long, String> paths = new ConcurrentHashMap<>();

    /** The report page of this person's school, relative to the application (the header's "Tell someone" link). */
    public String of(Actor actor) {
        return path(actor.schoolId());
    }

    /** The report page of this school, relative to the application. */
    public String path(long schoolId) {
        return paths.computeIfAbsent(
                schoolId, id -> "/report/index.xhtml?s=" + channels.channel(id).linkKey());
    }
}
