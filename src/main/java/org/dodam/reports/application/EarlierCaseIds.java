package org.dodam.reports.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.reports.domain.AuditEvent;
import org.dodam.reports.domain.CaseIds;
import org.dodam.reports.domain.SealedField;

/**
 * Gives the reports, messages, notes and referrals written before case ids were random (schema version 6)
 * random ids, once, at the first start after the upgrade: their old ids came from the counter every other
 * table shares and so placed them among a student's clicks. Their texts are sealed with their id in the
 * associated data, so each is opened under the old id and sealed again under the new one. The old ids are
 * kept nowhere; each case's audit log says its reference changed, and the counsellors find it under the new
 * one. All of it happens in one transaction: a database is re-keyed entirely or not at all.
 */
@ApplicationScoped
public class EarlierCaseIds {

    private static final Logger LOG = Logger.getLogger(EarlierCaseIds.class.getName());

    /** Every column of incident_report but the id, the receipt hash and the sealed texts, copied as they are. */
    private static final String KEPT_COLUMNS =
            "school_id, reporter_role, category, urgent, submitted_on, status, outcome, "
                    + "assignee_id, first_response_at, closed_at, mandatory_flagged_at, mandatory_reported_at, mandatory_agency, version";

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportChannels channels;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    @Transactional
    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 60) DatabaseReady ready) {
        List<Object[]> earlier =
                rows("select id, school_id, receipt_hash, sealed_place, sealed_happened_on, sealed_description "
                        + "from incident_report where id < ?1");
        for (Object[] row : earlier) {
            rekeyReport(
                    number(row[0]), number(row[1]), (String) row[2], (String) row[3], (String) row[4], (String) row[5]);
        }
        int reports = earlier.size();
        int rest = rekeyTexts("case_message", "sealed_body", SealedField.MESSAGE)
                + rekeyTexts("case_note", "sealed_body", SealedField.NOTE)
                + rekeyTexts("case_referral", "sealed_reference", SealedField.REFERENCE);
        if (reports + rest > 0) {
            LOG.info(() -> "Gave " + reports + " earlier case(s) and " + rest
                    + " earlier message(s), note(s) and referral(s) random ids");
        }
    }

    private void rekeyReport(
            long oldId, long school, String receiptHash, String place, String happened, String description) {
        long newId = CaseIds.next(random);
        // The receipt hash is unique: the old row gives it up before the new one takes it.
        update("update incident_report set receipt_hash = ?1 where id = ?2", "moving:" + oldId, oldId);
        em.createNativeQuery(
                        "insert into incident_report (id, receipt_hash, sealed_place, sealed_happened_on, sealed_description, "
                                + KEPT_COLUMNS + ") select ?1, ?2, ?3, ?4, ?5, " + KEPT_COLUMNS
                                + " from incident_report where id = ?6")
                .setParameter(1, newId)
                .setParameter(2, receiptHash)
                .setParameter(3, reseal(school, SealedField.PLACE, oldId, newId, place))
                .setParameter(4, reseal(school, SealedField.HAPPENED, oldId, newId, happened))
                .setParameter(5, reseal(school, SealedField.DESCRIPTION, oldId, newId, description))
                .setParameter(6, oldId)
                .executeUpdate();
        for (String table : List.of("case_message", "case_note", "case_referral", "audit_event")) {
            update("update " + table + " set report_id = ?1 where report_id = ?2", newId, oldId);
        }
        update("delete from incident_report where id = ?1", oldId);
        em.persist(new AuditEvent(school, null, newId, AuditEvent.Action.REFERENCE_CHANGED, null, clock.instant()));
    }

    private int rekeyTexts(String table, String column, SealedField field) {
        List<Object[]> old = rows("select t.id, r.school_id, t." + column + " from " + table + " t "
                + "join incident_report r on r.id = t.report_id where t.id < ?1");
        for (Object[] row : old) {
            long oldId = number(row[0]);
            long newId = CaseIds.next(random);
            if (row[2] == null) {
                update("update " + table + " set id = ?1 where id = ?2", newId, oldId);
            } else {
                update(
                        "update " + table + " set id = ?1, " + column + " = ?2 where id = ?3",
                        newId,
                        reseal(number(row[1]), field, oldId, newId, (String) row[2]),
                        oldId);
            }
        }
        return old.size();
    }

    private String reseal(long school, SealedField field, long oldId, long newId, String sealed) {
        return channels.seal(school, field, newId, channels.open(school, field, oldId, sealed));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).setParameter(1, CaseIds.FLOOR).getResultList();
    }

    private void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
