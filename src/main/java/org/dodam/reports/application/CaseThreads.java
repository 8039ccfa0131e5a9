package org.dodam.reports.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.dodam.reports.domain.IncidentReport;

/** The conversation of a case, whose messages have random ids and keep their order in a number of their own. */
final class CaseThreads {

    private CaseThreads() {}

    /**
     * The place of the next message in the case's conversation. The report's row is locked first, so a
     * reporter and a counsellor writing at the same moment get different places, one after the other.
     */
    static int nextOrder(EntityManager em, IncidentReport report) {
        em.lock(report, LockModeType.PESSIMISTIC_WRITE);
        long count = em.createNamedQuery("CaseMessage.countOfReport", Long.class)
                .setParameter("report", report.id())
                .getSingleResult();
        return Math.toIntExact(count + 1);
    }
}
