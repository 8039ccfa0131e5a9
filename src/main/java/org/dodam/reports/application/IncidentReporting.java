package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dodam.accounts.application.Accounts;
import org.dodam.platform.DodamException;
import org.dodam.reports.domain.CaseMessage;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.IncidentReport;
import org.dodam.reports.domain.ReportChannel;
import org.dodam.reports.domain.ReporterRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reporter's side: sending a report through a school's link, and coming back with the receipt code to
 * read the counsellors' replies and answer them. Nothing about the reporter reaches this class: callers
 * pass the words of the report and nothing else. The code is returned only once the transaction that
 * stores the report has committed (the method's own transaction ends before it returns).
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
    Event<ReportNotifier.CaseActivity> activity;

    @Inject
    @ConfigProperty(name = "dodam.time-zone", defaultValue = "Asia/Seoul")
    String timeZone;

    /** The school behind a report link, or empty for a link that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SchoolChannel> school(String linkKey) {
        return channels.byLinkKey(linkKey).flatMap(c -> accounts.school(c.schoolId())
                .map(s -> new SchoolChannel(c.linkKey(), s.name(), s.country())));
    }

    public String submit(String linkKey, NewReport report) {
        ReportChannel channel = channels.byLinkKey(linkKey).orElseThrow(DodamException::notFound);
        String place = checked(report.place(), ReportTexts.PLACE_MAX, false);
        String happened = checked(report.happenedOn(), ReportTexts.HAPPENED_MAX, false);
        String description = checked(report.description(), ReportTexts.DESCRIPTION_MAX, true);
        String code = ReceiptCodes.generate(random);
        String hash = ReceiptCodes.hash(ReceiptCodes.normalize(code).orElseThrow(), channel.receiptSalt());
        IncidentReport stored = new IncidentReport(channel.schoolId(), hash, report.role(), report.category(),
                report.urgent(), today());
        em.persist(stored);
        em.flush();
        long school = channel.schoolId();
        stored.sealText(channels.seal(school, "place", stored.id(), place),
                channels.seal(school, "happened", stored.id(), happened),
                channels.seal(school, "description", stored.id(), description));
        activity.fire(new ReportNotifier.CaseActivity(school, report.urgent(), ReportNotifier.Kind.NEW_REPORT));
        return code;
    }

    /** The reporter's view of their report, or empty when the code does not open a report at this school. */
    public Optional<ReporterThread> thread(String linkKey, String typedCode) {
        return find(linkKey, typedCode).map(this::threadOf);
    }

    public ReporterThread answer(String linkKey, String typedCode, String text) {
        IncidentReport report = find(linkKey, typedCode).orElseThrow(() -> new DodamException("report.error.code"));
        if (!report.status().open()) {
            throw new DodamException("report.error.closed");
        }
        String body = checked(text, ReportTexts.MESSAGE_MAX, true);
        CaseMessage message = CaseMessage.fromReporter(report.id(), today());
        em.persist(message);
        em.flush();
        message.seal(channels.seal(report.schoolId(), "message", message.id(), body));
        activity.fire(new ReportNotifier.CaseActivity(report.schoolId(), report.urgent(), ReportNotifier.Kind.REPORTER_ANSWERED));
        return threadOf(report);
    }

    private Optional<IncidentReport> find(String linkKey, String typedCode) {
        Optional<ReportChannel> channel = channels.byLinkKey(linkKey);
        Optional<String> code = ReceiptCodes.normalize(typedCode);
        if (channel.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery("IncidentReport.byReceipt", IncidentReport.class)
                .setParameter("hash", ReceiptCodes.hash(code.get(), channel.get().receiptSalt()))
                .setParameter("school", channel.get().schoolId())
                .getResultStream().findFirst();
    }

    private ReporterThread threadOf(IncidentReport report) {
        long school = report.schoolId();
        List<ReporterThread.Message> messages = em.createNamedQuery("CaseMessage.ofReport", CaseMessage.class)
                .setParameter("report", report.id()).getResultStream()
                .map(m -> new ReporterThread.Message(m.author() == CaseMessage.Author.REPORTER, m.sentOn(),
                        channels.open(school, "message", m.id(), m.sealedBody())))
                .toList();
        return new ReporterThread(report.category(), report.submittedOn(), report.status().open(),
                channels.open(school, "description", report.id(), report.sealedDescription()), messages);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(timeZone)));
    }

    private static String checked(String text, int max, boolean required) {
        ReportTexts.problem(text, max, required).ifPresent(key -> {
            throw new DodamException(key, max);
        });
        return ReportTexts.clean(text);
    }

    public record SchoolChannel(String linkKey, String schoolName, String country) {
    }

    public record NewReport(ReporterRole role, Category category, String place, String happenedOn, boolean urgent,
                            String description) {
        public NewReport {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(category, "category");
        }
    }

    public record ReporterThread(Category category, LocalDate submittedOn, boolean open, String description,
                                 List<Message> messages) {
        public record Message(boolean mine, LocalDate on, String text) {
        }
    }
}

