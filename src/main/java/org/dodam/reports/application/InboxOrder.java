package org.dodam.reports.application;

/**
 * The orders the counsellor's inbox sorts in, each one named query whose ORDER BY the database runs (the
 * index {@code incident_report_page_idx} holds every column they sort by), so that a page of 20 cases costs
 * the same for a school with 20 cases or 20,000. Ties go by the case's id, which is random: nothing orders
 * reports of the same day against each other by their arrival.
 */
public enum InboxOrder {
    /** Urgent cases first, then the newest: what a counsellor should look at first. The default. */
    PRIORITY("IncidentReport.pageByPriority"),
    /** Urgent cases last, then the newest. */
    URGENT_LAST("IncidentReport.pageUrgentLast"),
    NEWEST("IncidentReport.pageNewest"),
    OLDEST("IncidentReport.pageOldest");

    private final String query;

    InboxOrder(String query) {
        this.query = query;
    }

    /** The named query that lists the ids of a page of cases in this order. */
    public String query() {
        return query;
    }
}
