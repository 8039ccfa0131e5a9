package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.DodamException;
import org.dodam.platform.SchoolClock;
import org.dodam.reports.domain.AuditEvent;
import org.dodam.reports.domain.AuditEvent.Action;
import org.dodam.reports.domain.CaseIds;
import org.dodam.reports.domain.CaseMessage;
import org.dodam.reports.domain.CaseNote;
import org.dodam.reports.domain.CaseStatus;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.IncidentReport;
import org.dodam.reports.domain.Outcome;
import org.dodam.reports.domain.Referral;
import org.dodam.reports.domain.ReferralTarget;
import org.dodam.reports.domain.ReportChannel;
import org.dodam.reports.domain.ReporterRole;
import org.dodam.reports.domain.SealedField;

/**
 * The counsellors' work on their own school's cases: the inbox, reading a case, triage, assignment,
 * notes, replies to the reporter, referrals and takedown requests with follow-up deadlines, the mandatory
 * report, and closing with an outcome. Every view and change is written to the audit log. A case of
 * another school, and every case for anyone but a confirmed counsellor, is "not found". The school admin
 * gets the statistics and the audit log, never a case's text; counsellors read the audit log too.
 */
@ApplicationScoped
@Transactional
public class CaseWork {

    /** The most cases or audit lines one page asks for: a page is for reading, not for exporting the school. */
    public static final int PAGE_MAX = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportChannels channels;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    SchoolClock schoolClock;

    public List<CaseRow> inbox(Actor counsellor) {
        long school = counsellorSchool(counsellor);
        List<IncidentReport> reports = em.createNamedQuery("IncidentReport.inbox", IncidentReport.class)
                .setParameter("school", school)
                .getResultList();
        Set<Long> overdue = new HashSet<>(em.createNamedQuery("Referral.overdueOfSchool", Long.class)
                .setParameter("school", school)
                .setParameter("now", clock.instant())
                .getResultList());
        Map<Long, String> names = accounts.namesInSchool(
                school,
                reports.stream()
                        .map(IncidentReport::assigneeId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        return reports.stream()
                .sorted(Comparator.comparing((IncidentReport r) -> !r.status().open())
                        .thenComparing(r -> !r.urgent())
                        .thenComparing(r -> r.status() != CaseStatus.NEW)
                        .thenComparing(IncidentReport::submittedOn, Comparator.reverseOrder())
                        .thenComparing(IncidentReport::reference))
                .map(r -> row(r, names, overdue))
                .toList();
    }

    /** How many of the school's cases the inbox lists under this filter, for its pager. */
    public long inboxSize(Actor counsellor, InboxFilter filter) {
        return em.createNamedQuery("IncidentReport.countOfSchool", Long.class)
                .setParameter("school", counsellorSchool(counsellor))
                .setParameter("statuses", List.copyOf(filter.statuses()))
                .getSingleResult();
    }

    /**
     * One page of the inbox, sorted and cut in the database: the same four statements for a school with 20
     * cases or 20,000. The page's ids come first, from the columns of one index, so that sorting never reads a
     * case's sealed texts; then only the cases shown are read, with their overdue follow-ups and their
     * assignees' names. Nothing sealed is opened: the inbox shows no text of a report.
     */
    public List<CaseRow> inboxPage(Actor counsellor, InboxFilter filter, InboxOrder order, int first, int size) {
        long school = counsellorSchool(counsellor);
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new IllegalArgumentException("a page from " + first + " of " + size + " cases");
        }
        List<Long> ids = em.createNamedQuery(order.query(), Long.class)
                .setParameter("school", school)
                .setParameter("statuses", List.copyOf(filter.statuses()))
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, IncidentReport> reports = new HashMap<>();
        em.createNamedQuery("IncidentReport.byIds", IncidentReport.class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(r -> reports.put(r.id(), r));
        Set<Long> overdue = new HashSet<>(em.createNamedQuery("Referral.overdueOfReports", Long.class)
                .setParameter("reports", ids)
                .setParameter("now", clock.instant())
                .getResultList());
        Map<Long, String> names = accounts.namesInSchool(
                school,
                reports.values().stream()
                        .map(IncidentReport::assigneeId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        return ids.stream()
                .map(reports::get)
                .filter(Objects::nonNull)
                .map(r -> row(r, names, overdue))
                .toList();
    }

    private static CaseRow row(IncidentReport r, Map<Long, String> names, Set<Long> overdue) {
        return new CaseRow(
                r.id(),
                r.category(),
                r.reporterRole(),
                r.urgent(),
                r.status(),
                r.submittedOn(),
                names.get(r.assigneeId()),
                overdue.contains(r.id()),
                r.mandatoryFlaggedAt() != null && r.mandatoryReportedAt() == null);
    }

    /** The last day in the past week the school's reports came in a flood, for the counsellor's inbox. */
    public Optional<LocalDate> recentFlood(Actor counsellor) {
        ReportChannel channel = em.find(ReportChannel.class, counsellorSchool(counsellor));
        return Optional.ofNullable(channel == null ? null : channel.floodOn())
                .filter(day -> !day.isBefore(today().minusDays(7)));
    }

    public CaseView open(Actor counsellor, long caseId) {
        IncidentReport report = ownCase(counsellor, caseId);
        audit(counsellor, report, Action.VIEWED, null);
        long school = report.schoolId();
        List<CaseMessage> messages = em.createNamedQuery("CaseMessage.ofReport", CaseMessage.class)
                .setParameter("report", report.id())
                .getResultList();
        List<CaseNote> notes = em.createNamedQuery("CaseNote.ofReport", CaseNote.class)
                .setParameter("report", report.id())
                .getResultList();
        List<Referral> referrals = em.createNamedQuery("Referral.ofReport", Referral.class)
                .setParameter("report", report.id())
                .getResultList();
        List<Accounts.Person> counsellors = accounts.activeInSchool(school, Role.COUNSELLOR);
        Set<Long> people = new HashSet<>();
        messages.stream()
                .map(CaseMessage::counsellorId)
                .filter(Objects::nonNull)
                .forEach(people::add);
        notes.forEach(n -> people.add(n.counsellorId()));
        Map<Long, String> names = accounts.namesInSchool(school, people);
        Instant now = clock.instant();
        return new CaseView(
                report.id(),
                report.category(),
                report.reporterRole(),
                report.urgent(),
                report.status(),
                report.outcome(),
                report.submittedOn(),
                report.assigneeId(),
                channels.open(school, SealedField.PLACE, report.id(), report.sealedPlace()),
                channels.open(school, SealedField.HAPPENED, report.id(), report.sealedHappenedOn()),
                channels.open(school, SealedField.DESCRIPTION, report.id(), report.sealedDescription()),
                messages.stream()
                        .map(m -> new CaseView.Message(
                                m.author() == CaseMessage.Author.REPORTER,
                                names.get(m.counsellorId()),
                                m.sentOn(),
                                m.sentAt(),
                                channels.open(school, SealedField.MESSAGE, m.id(), m.sealedBody())))
                        .toList(),
                notes.stream()
                        .map(n -> new CaseView.Note(
                                names.get(n.counsellorId()),
                                n.createdAt(),
                                channels.open(school, SealedField.NOTE, n.id(), n.sealedBody())))
                        .toList(),
                referrals.stream()
                        .map(r -> new CaseView.ReferralRow(
                                r.id(),
                                r.target(),
                                r.sentAt(),
                                r.followUpBy(),
                                r.completedAt(),
                                r.overdue(now),
                                r.sealedReference() == null
                                        ? ""
                                        : channels.open(school, SealedField.REFERENCE, r.id(), r.sealedReference())))
                        .toList(),
                report.mandatoryFlaggedAt(),
                report.mandatoryReportedAt(),
                report.mandatoryAgency(),
                counsellors.stream()
                        .map(a -> new CaseView.Counsellor(a.id(), a.displayName()))
                        .toList());
    }

    public void moveTo(Actor counsellor, long caseId, CaseStatus status) {
        IncidentReport report = ownCase(counsellor, caseId);
        report.moveTo(Objects.requireNonNull(status, "status"));
        audit(counsellor, report, Action.STATUS_CHANGED, status.name());
    }

    public void assign(Actor counsellor, long caseId, Long assigneeId) {
        IncidentReport report = ownCase(counsellor, caseId);
        if (assigneeId != null
                && accounts.activeInSchool(report.schoolId(), Role.COUNSELLOR).stream()
                        .noneMatch(a -> a.id() == assigneeId)) {
            throw DodamException.notFound();
        }
        report.assignTo(assigneeId);
        audit(counsellor, report, Action.ASSIGNED, assigneeId == null ? "-" : String.valueOf(assigneeId));
    }

    public void addNote(Actor counsellor, long caseId, String text) {
        IncidentReport report = ownCase(counsellor, caseId);
        String body = checked(text, ReportTexts.MESSAGE_MAX);
        CaseNote note = new CaseNote(CaseIds.next(random), report.id(), counsellor.id(), clock.instant());
        note.seal(channels.seal(report.schoolId(), SealedField.NOTE, note.id(), body));
        em.persist(note);
        audit(counsellor, report, Action.NOTE_ADDED, null);
    }

    /** A reply the reporter reads with their code. The first reply is the case's first response. */
    public void reply(Actor counsellor, long caseId, String text) {
        IncidentReport report = ownCase(counsellor, caseId);
        report.requireOpen();
        String body = checked(text, ReportTexts.MESSAGE_MAX);
        Instant now = clock.instant();
        CaseMessage message = CaseMessage.fromCounsellor(
                CaseIds.next(random), report.id(), CaseThreads.nextOrder(em, report), counsellor.id(), today(), now);
        message.seal(channels.seal(report.schoolId(), SealedField.MESSAGE, message.id(), body));
        em.persist(message);
        report.responded(now);
        audit(counsellor, report, Action.REPLIED, null);
    }

    public void refer(Actor counsellor, long caseId, ReferralTarget target, String reference) {
        IncidentReport report = ownCase(counsellor, caseId);
        report.referred();
        Referral referral = new Referral(
                CaseIds.next(random),
                report.id(),
                Objects.requireNonNull(target, "target"),
                clock.instant(),
                counsellor.id());
        String clean = ReportTexts.clean(reference);
        ReportTexts.problem(clean, ReportTexts.REFERENCE_MAX, false).ifPresent(key -> {
            throw new DodamException(key, ReportTexts.REFERENCE_MAX);
        });
        if (!clean.isEmpty()) {
            referral.seal(channels.seal(report.schoolId(), SealedField.REFERENCE, referral.id(), clean));
        }
        em.persist(referral);
        audit(counsellor, report, Action.REFERRED, target.name());
    }

    public void completeReferral(Actor counsellor, long caseId, long referralId) {
        IncidentReport report = ownCase(counsellor, caseId);
        Referral referral = em.find(Referral.class, referralId);
        if (referral == null || referral.reportId() != report.id()) {
            throw DodamException.notFound();
        }
        referral.complete(clock.instant());
        audit(counsellor, report, Action.REFERRAL_COMPLETED, referral.target().name());
    }

    public void flagMandatoryReport(Actor counsellor, long caseId) {
        IncidentReport report = ownCase(counsellor, caseId);
        report.flagMandatoryReport(clock.instant());
        audit(counsellor, report, Action.MANDATORY_FLAGGED, null);
    }

    public void recordMandatoryReport(Actor counsellor, long caseId, ReferralTarget agency) {
        IncidentReport report = ownCase(counsellor, caseId);
        report.recordMandatoryReport(Objects.requireNonNull(agency, "agency"), clock.instant());
        audit(counsellor, report, Action.MANDATORY_REPORTED, agency.name());
    }

    public void close(Actor counsellor, long caseId, Outcome outcome) {
        IncidentReport report = ownCase(counsellor, caseId);
        if (outcome == null) {
            throw new DodamException("cases.closeNeedsOutcome");
        }
        report.close(outcome, clock.instant());
        audit(counsellor, report, Action.CLOSED, outcome.name());
    }

    /** Counts only, never text: for the school's counsellors and its admin. */
    public Statistics statistics(Actor actor) {
        if (!actor.is(Role.SCHOOL_ADMIN) && !accounts.readsReports(actor)) {
            throw DodamException.notFound();
        }
        long school = actor.schoolId();
        List<IncidentReport> reports = em.createNamedQuery("IncidentReport.inbox", IncidentReport.class)
                .setParameter("school", school)
                .getResultList();
        Map<YearMonth, Map<Category, Long>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        Map<Category, Long> totals = new EnumMap<>(Category.class);
        List<Long> responseHours = new ArrayList<>();
        for (IncidentReport r : reports) {
            byMonth.computeIfAbsent(YearMonth.from(r.submittedOn()), m -> new EnumMap<>(Category.class))
                    .merge(r.category(), 1L, Long::sum);
            totals.merge(r.category(), 1L, Long::sum);
            if (r.firstResponseAt() != null) {
                Instant dayStart = schoolClock.startOf(r.submittedOn());
                responseHours.add(Math.max(
                        0, Duration.between(dayStart, r.firstResponseAt()).toHours()));
            }
        }
        responseHours.sort(Comparator.naturalOrder());
        Long median = responseHours.isEmpty() ? null : responseHours.get(responseHours.size() / 2);
        List<Statistics.Month> months = byMonth.entrySet().stream()
                .map(e -> new Statistics.Month(
                        e.getKey(),
                        Stream.of(Category.values())
                                .map(c -> e.getValue().getOrDefault(c, 0L))
                                .toList(),
                        e.getValue().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()))
                .toList();
        return new Statistics(
                reports.size(),
                reports.stream().filter(IncidentReport::urgent).count(),
                reports.stream().filter(r -> r.status().open()).count(),
                reports.stream()
                        .filter(r -> r.status().open() && r.firstResponseAt() == null)
                        .count(),
                median,
                responseHours.size(),
                List.of(Category.values()),
                Stream.of(Category.values())
                        .map(c -> totals.getOrDefault(c, 0L))
                        .toList(),
                months);
    }

    /** How many lines the school's audit log holds (case work and counsellor access alike), for its pager. */
    public long auditLogSize(Actor reader) {
        return em.createNamedQuery("AuditEvent.countOfSchool", Long.class)
                .setParameter("school", auditSchool(reader))
                .getSingleResult();
    }

    /** One page of the school's audit log, newest first, cut in the database: two statements whatever its length. */
    public List<AuditRow> auditLogPage(Actor reader, int first, int size) {
        long school = auditSchool(reader);
        if (first < 0 || size < 1 || size > PAGE_MAX) {
            throw new IllegalArgumentException("a page from " + first + " of " + size + " lines");
        }
        return auditRows(
                school,
                em.createNamedQuery("AuditEvent.ofSchool", AuditEvent.class)
                        .setParameter("school", school)
                        .setFirstResult(first)
                        .setMaxResults(size)
                        .getResultList());
    }

    private List<AuditRow> auditRows(long school, List<AuditEvent> events) {
        Map<Long, String> names = accounts.namesInSchool(
                school,
                events.stream()
                        .map(AuditEvent::actorId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        return events.stream()
                .map(e -> new AuditRow(
                        e.at(),
                        e.actorId() == null ? null : names.get(e.actorId()),
                        e.reportId(),
                        e.action(),
                        e.detail()))
                .toList();
    }

    /** The school whose audit log the reader may see: its admin's, or a counsellor's who reads reports. */
    private long auditSchool(Actor reader) {
        if (!reader.is(Role.SCHOOL_ADMIN) && !accounts.readsReports(reader)) {
            throw DodamException.notFound();
        }
        return reader.schoolId();
    }

    /**
     * Deletes the closed cases whose closing lies before the cutoff, with their messages, notes and
     * referrals; the audit log keeps a line for each, without content. Returns how many were deleted.
     */
    public int deleteClosedBefore(Instant cutoff) {
        List<IncidentReport> expired = em.createNamedQuery("IncidentReport.closedBefore", IncidentReport.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
        for (IncidentReport report : expired) {
            for (String query :
                    List.of("CaseMessage.deleteOfReport", "CaseNote.deleteOfReport", "Referral.deleteOfReport")) {
                em.createNamedQuery(query).setParameter("report", report.id()).executeUpdate();
            }
            em.persist(new AuditEvent(
                    report.schoolId(), null, report.id(), Action.DELETED_BY_RETENTION, null, clock.instant()));
            em.remove(report);
        }
        return expired.size();
    }

    private IncidentReport ownCase(Actor counsellor, long caseId) {
        long school = counsellorSchool(counsellor);
        IncidentReport report = em.find(IncidentReport.class, caseId);
        if (report == null || report.schoolId() != school) {
            throw DodamException.notFound();
        }
        return report;
    }

    private long counsellorSchool(Actor actor) {
        if (!accounts.readsReports(actor)) { // a proposed counsellor reads nothing until confirmed
            throw DodamException.notFound();
        }
        return actor.schoolId();
    }

    private void audit(Actor actor, IncidentReport report, Action action, String detail) {
        em.persist(new AuditEvent(report.schoolId(), actor.id(), report.id(), action, detail, clock.instant()));
    }

    private LocalDate today() {
        return schoolClock.today();
    }

    private static String checked(String text, int max) {
        ReportTexts.problem(text, max, true).ifPresent(key -> {
            throw new DodamException(key, max);
        });
        return ReportTexts.clean(text);
    }

    public record CaseRow(
            long id,
            Category category,
            ReporterRole reporterRole,
            boolean urgent,
            CaseStatus status,
            LocalDate submittedOn,
            String assignee,
            boolean followUpOverdue,
            boolean mandatoryPending) {
        /** What counsellors call the case: random, never a sequence number. */
        public String reference() {
            return CaseIds.reference(id);
        }
    }

    public record CaseView(
            long id,
            Category category,
            ReporterRole reporterRole,
            boolean urgent,
            CaseStatus status,
            Outcome outcome,
            LocalDate submittedOn,
            Long assigneeId,
            String place,
            String happenedOn,
            String description,
            List<Message> messages,
            List<Note> notes,
            List<ReferralRow> referrals,
            Instant mandatoryFlaggedAt,
            Instant mandatoryReportedAt,
            ReferralTarget mandatoryAgency,
            List<Counsellor> counsellors) {
        public String reference() {
            return CaseIds.reference(id);
        }

        public boolean open() {
            return status.open();
        }

        public record Message(boolean fromReporter, String counsellor, LocalDate on, Instant at, String text) {}

        public record Note(String counsellor, Instant at, String text) {}

        public record ReferralRow(
                long id,
                ReferralTarget target,
                Instant sentAt,
                Instant followUpBy,
                Instant completedAt,
                boolean overdue,
                String reference) {}

        public record Counsellor(long id, String name) {}
    }

    public record Statistics(
            long total,
            long urgent,
            long open,
            long awaitingFirstResponse,
            Long medianHoursToFirstResponse,
            long responded,
            List<Category> categories,
            List<Long> totals,
            List<Month> months) {
        public record Month(YearMonth month, List<Long> counts, long total) {}
    }

    public record AuditRow(Instant at, String actor, Long reportId, Action action, String detail) {
        public String caseReference() {
            return reportId == null ? "" : CaseIds.reference(reportId);
        }
    }
}
