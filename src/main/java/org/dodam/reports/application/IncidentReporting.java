package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dodam.accounts.application.Accounts;
import org.dodam.platform.DodamException;
import org.dodam.platform.SchoolClock;
import org.dodam.reports.application.ReceiptGate.ReceiptKey;
import org.dodam.reports.domain.CaseIds;
import org.dodam.reports.domain.CaseMessage;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.IncidentReport;
import org.dodam.reports.domain.ReportChannel;
import org.dodam.reports.domain.ReporterRole;
import org.dodam.reports.domain.SealedField;

/**
 * The reporter's side: sending a report through a school's link, and coming back with the receipt code to
 * read the counsellors' replies and answer them. Nothing about the reporter reaches this class: callers
 * pass the words of the report and nothing else. The code is returned only once the transaction that
 * stores the report has committed (the method's own transaction ends before it returns). Rows written here
 * get random ids and the day without the time, and counsellors are told later, in a batch
 * ({@link ReportNotifier}), so nothing written or sent orders a report against anything else.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IncidentReporting {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportChannels channels;

    @Inject
    Accounts accounts;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    @Inject
    SchoolClock schoolClock;

    /** The school behind a report link, or empty for a link that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SchoolChannel> school(String linkKey) {
        return channels.byLinkKey(linkKey)
                .flatMap(c -> accounts.school(c.schoolId())
                        .map(s -> new SchoolChannel(c.schoolId(), c.linkKey(), s.name(), s.country())));
    }

    public String submit(String linkKey, NewReport report) {
        ReportChannel channel = channels.byLinkKey(linkKey).orElseThrow(DodamException::notFound);
        String place = checked(report.place(), ReportTexts.PLACE_MAX, false);
        String happened = checked(report.happenedOn(), ReportTexts.HAPPENED_MAX, false);
        String description = checked(report.description(), ReportTexts.DESCRIPTION_MAX, true);
        String code = ReceiptCodes.generate(random);
        String hash = ReceiptCodes.hash(ReceiptCodes.normalize(code).orElseThrow(), channel.receiptSalt());
        long school = channel.schoolId();
        IncidentReport stored = new IncidentReport(
                CaseIds.next(random), school, hash, report.role(), report.category(), report.urgent(), today());
        stored.sealText(
                channels.seal(school, SealedField.PLACE, stored.id(), place),
                channels.seal(school, SealedField.HAPPENED, stored.id(), happened),
                channels.seal(school, SealedField.DESCRIPTION, stored.id(), description));
        em.persist(stored);
        channels.countForNotice(school, ReportNotifier.Kind.NEW_REPORT, report.urgent());
        return code;
    }

    /** Notes, with the day only, that reports came to the school in a flood; counsellors hear of it in their next notice. */
    public void floodNoticed(long schoolId) {
        channels.floodOn(schoolId, today());
    }

    /** The reporter's view of their report, or empty when the code does not open a report at this school. */
    public Optional<ReporterThread> thread(ReceiptKey key) {
        return find(key).map(this::threadOf);
    }

    public ReporterThread answer(ReceiptKey key, String text) {
        IncidentReport report = find(key).orElseThrow(() -> new DodamException("report.error.code"));
        if (!report.status().open()) {
            throw new DodamException("report.error.closed");
        }
        String body = checked(text, ReportTexts.MESSAGE_MAX, true);
        CaseMessage message =
                CaseMessage.fromReporter(CaseIds.next(random), report.id(), CaseThreads.nextOrder(em, report), today());
        message.seal(channels.seal(report.schoolId(), SealedField.MESSAGE, message.id(), body));
        em.persist(message);
        channels.countForNotice(report.schoolId(), ReportNotifier.Kind.REPORTER_ANSWERED, report.urgent());
        return threadOf(report);
    }

    private Optional<IncidentReport> find(ReceiptKey key) {
        return em.createNamedQuery("IncidentReport.byReceipt", IncidentReport.class)
                .setParameter("hash", key.hash())
                .setParameter("school", key.schoolId())
                .getResultStream()
                .findFirst();
    }

    private ReporterThread threadOf(IncidentReport report) {
        long school = report.schoolId();
        List<ReporterThread.Message> messages = em.createNamedQuery("CaseMessage.ofReport", CaseMessage.class)
                .setParameter("report", report.id())
                .getResultStream()
                .map(m -> new ReporterThread.Message(
                        m.author() == CaseMessage.Author.REPORTER,
                        m.sentOn(),
                        channels.open(school, SealedField.MESSAGE, m.id(), m.sealedBody())))
                .toList();
        return new ReporterThread(
                report.category(),
                report.submittedOn(),
                report.status().open(),
                channels.open(school, SealedField.DESCRIPTION, report.id(), report.sealedDescription()),
                messages);
    }

    private LocalDate today() {
        return schoolClock.today();
    }

    private static String checked(String text, int max, boolean required) {
        ReportTexts.problem(text, max, required).ifPresent(key -> {
            throw new DodamException(key, max);
        });
        return ReportTexts.clean(text);
    }

    public record SchoolChannel(long schoolId, String linkKey, String schoolName, String country) {}

    public record NewReport(
            ReporterRole role, Category category, String place, String happenedOn, boolean urgent, String description) {
        public NewReport {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(category, "category");
        }
    }

    public record ReporterThread(
            Category category, LocalDate submittedOn, boolean open, String description, List<Message> messages) {
        public record Message(boolean mine, LocalDate on, String text) {}
    }
}
