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
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.dodam.accounts.application.Accounts;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.platform.crypto.MasterKey;
import org.dodam.platform.crypto.Sealing;
import org.dodam.reports.domain.ReportChannel;

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
                .setParameter("key", linkKey).getResultStream().findFirst();
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
        ReportChannel channel = new ReportChannel(schoolId, linkKey, HexFormat.of().formatHex(salt),
                masterKey.wrap(Sealing.newKey(random), wrapContext(schoolId)), clock.instant());
        em.persist(channel);
        return channel;
    }

    public String seal(long schoolId, String field, long rowId, String plaintext) {
        return Sealing.seal(dataKey(schoolId), plaintext, context(schoolId, field, rowId), random);
    }

    public String open(long schoolId, String field, long rowId, String sealed) {
        return Sealing.open(dataKey(schoolId), sealed, context(schoolId, field, rowId));
    }

    private SecretKey dataKey(long schoolId) {
        return dataKeys.computeIfAbsent(schoolId, id -> masterKey.unwrap(channel(id).wrappedKey(), wrapContext(id)));
    }

    private static String wrapContext(long schoolId) {
        return "dodam/school-data-key/" + schoolId;
    }

    private static String context(long schoolId, String field, long rowId) {
        return "dodam/" + schoolId + "/" + field + "/" + rowId;
    }
}
