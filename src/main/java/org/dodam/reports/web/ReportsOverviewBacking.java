package org.dodam.reports.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.platform.web.Texts;
import org.dodam.reports.application.CaseWork;
import org.dodam.reports.application.CaseWork.AuditRow;
import org.dodam.reports.application.CaseWork.Statistics;

/**
 * The school's report statistics, the last flood and the words of its audit log's lines. Each getter asks
 * {@link CaseWork}, which answers "not found" to anyone who may not see it.
 */
@Named
@RequestScoped
public class ReportsOverviewBacking {

    @Inject
    CaseWork caseWork;

    @Inject
    SchoolReportLinks links;

    @Inject
    CurrentUser currentUser;

    private Statistics statistics;

    /** The day reports last came in a flood, if it was in the past week; counsellors are told why some may be junk. */
    public LocalDate getRecentFlood() {
        return caseWork.recentFlood(currentUser.requireActor()).orElse(null);
    }

    public Statistics getStatistics() {
        if (statistics == null) {
            statistics = caseWork.statistics(currentUser.requireActor());
        }
        return statistics;
    }

    /** An audit line in the reader's language: the action, and the status, outcome or service it names. */
    public String describe(AuditRow row) {
        String action = Texts.text("reports.audit.action." + row.action().name());
        if (row.action().counsellorAccess()) {
            return action + " · " + row.detail(); // the counsellor account's username
        }
        String detailKey = switch (row.action()) {
            case STATUS_CHANGED -> "cases.status.";
            case CLOSED -> "cases.outcome.";
            case REFERRED, REFERRAL_COMPLETED, MANDATORY_REPORTED -> "cases.target.";
            default -> null;
        };
        return detailKey == null || row.detail() == null
                ? action
                : action + " · " + Texts.text(detailKey + row.detail());
    }

    /** The school's public report link, relative to the application, for staff to share and for students' pages. */
    public String getReportPath() {
        return currentUser.actor().map(links::of).orElse(null);
    }
}
