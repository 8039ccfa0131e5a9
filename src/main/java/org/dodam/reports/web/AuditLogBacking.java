package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.web.PagedList;
import org.dodam.reports.application.CaseWork;
import org.dodam.reports.application.CaseWork.AuditRow;

/**
 * The school's audit log for its admin and its counsellors, newest first, a page at a time from the database
 * (the page the address names, {@code ?page=2}, so that it also pages without scripts). It only grows, so no
 * page reads it all. Request-scoped: the page number is in the address or in the table's state.
 */
@Named
@RequestScoped
public class AuditLogBacking {

    /** Lines on one page: the log is read by scanning, and a day's work on a few cases fits on one. */
    static final int PAGE_SIZE = 50;

    @Inject
    CaseWork caseWork;

    @Inject
    CurrentUser currentUser;

    private String page;
    private PagedList<AuditRow> lines;

    public PagedList<AuditRow> getLines() {
        if (lines == null) {
            Actor reader = currentUser.requireActor();
            lines = new PagedList<>(
                    page,
                    PAGE_SIZE,
                    () -> caseWork.auditLogSize(reader),
                    (first, size, sortBy) -> caseWork.auditLogPage(reader, first, size));
        }
        return lines;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
