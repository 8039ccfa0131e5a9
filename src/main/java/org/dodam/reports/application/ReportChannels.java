package org.dodam.reports.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.dodam.accounts.application.Accounts;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.platform.crypto.MasterKey;
import org.dodam.platform.crypto.Sealing;
import org.dodam.reports.domain.ReportChannel;
import org.dodam.reports.domain.SealedField;

/**
 * Every school's reporting channel, made at start-up for each school that has none: the public link key,
 * the receipt salt and the data key that seals the school's report texts. Unwrapped data keys are kept in
 * memory only. Sealed values are bound to the school and the field they belong to.
 */
@ApplicationScoped
@Transactional
public class ReportChannels {

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Accounts accounts;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    private final Map<Long, SecretKey> dataKeys = new ConcurrentHashMap<>();

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 50) DatabaseReady ready) {
        for (Long schoolId : accounts.schoolIds()) {
            channel(schoolId);
        }
    }

    public Optional<ReportChannel> byLinkKey(String linkKey) {
        if (linkKey == null || !linkKey.matches("[A-Za-z0-9]{8,24}")) {
            return Optional.empty();
        }
        return em.createNamedQuery("ReportChannel.byLinkKey", ReportChannel.class)
                .setParameter("key", linkKey)
                .getResultStream()
                .findFirst();
    }

    /** The school's channel, made the first time it is needed. */
    public ReportChannel channel(long schoolId) {
        ReportChannel existing = em.find(ReportChannel.class, schoolId);
        if (existing != null) {
            return existing;
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] link = new byte[12];
        random.nextBytes(link);
        String linkKey = HexFormat.of().formatHex(link);
        ReportChannel channel = new ReportChannel(
                schoolId,
                linkKey,
                HexFormat.of().formatHex(salt),
                masterKey.wrap(Sealing.newKey(random), wrapContext(schoolId)),
                clock.instant());
        em.persist(channel);
        return channel;
    }

    public String seal(long schoolId, SealedField field, long rowId, String plaintext) {
        return Sealing.seal(dataKey(schoolId), plaintext, context(schoolId, field, rowId), random);
    }

    public String open(long schoolId, SealedField field, long rowId, String sealed) {
        return Sealing.open(dataKey(schoolId), sealed, context(schoolId, field, rowId));
    }

    /** Counts a new report (or a reporter's answer) for the school's next batch of notices. */
    public void countForNotice(long schoolId, ReportNotifier.Kind kind, boolean urgent) {
        String query = kind == ReportNotifier.Kind.REPORTER_ANSWERED
                ? "ReportChannel.countAnswer"
                : urgent ? "ReportChannel.countUrgentArrival" : "ReportChannel.countArrival";
        em.createNamedQuery(query).setParameter("school", schoolId).executeUpdate();
    }

    /**
     * Wraps every school's data key under the current master key where it is still wrapped under an older
     * one, one school at a time under a row lock; returns how many were wrapped again.
     */
    public int rewrapUnderCurrentKey() {
        int rewrapped = 0;
        for (Long schoolId : em.createQuery("select c.schoolId from ReportChannel c", Long.class)
                .getResultList()) {
            ReportChannel channel = em.find(ReportChannel.class, schoolId, LockModeType.PESSIMISTIC_WRITE);
            if (!Sealing.keyIdOf(channel.wrappedKey()).orElse("").equals(masterKey.currentKeyId())) {
                channel.rewrap(masterKey.wrap(
                        masterKey.unwrap(channel.wrappedKey(), wrapContext(schoolId)), wrapContext(schoolId)));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    /** The channels with something counsellors have not been told yet. */
    public List<ReportChannel> withPendingNotices() {
        return em.createNamedQuery("ReportChannel.withPending", ReportChannel.class)
                .getResultList();
    }

    /** Takes what the school's counsellors are to be told now (the row is locked, so nothing is told twice). */
    public ReportChannel.Pending takePendingNotices(long schoolId) {
        ReportChannel channel = em.find(ReportChannel.class, schoolId, LockModeType.PESSIMISTIC_WRITE);
        return channel == null ? new ReportChannel.Pending(0, 0, 0, null) : channel.takePending();
    }

    public void restorePendingNotices(long schoolId, ReportChannel.Pending pending) {
        ReportChannel channel = em.find(ReportChannel.class, schoolId, LockModeType.PESSIMISTIC_WRITE);
        if (channel != null) {
            channel.restore(pending);
        }
    }

    /** Notes that reports came to the school in a flood today; counsellors are told with the next batch. */
    public void floodOn(long schoolId, LocalDate day) {
        em.createNamedQuery("ReportChannel.flood")
                .setParameter("school", schoolId)
                .setParameter("day", day)
                .executeUpdate();
    }

    private SecretKey dataKey(long schoolId) {
        return dataKeys.computeIfAbsent(
                schoolId, id -> masterKey.unwrap(channel(id).wrappedKey(), wrapContext(id)));
    }

    private static String wrapContext(long schoolId) {
        return "dodam/school-data-key/" + schoolId;
    }

    private static String context(long schoolId, SealedField field, long rowId) {
        return "dodam/" + schoolId + "/" + field.context() + "/" + rowId;
    }
}
