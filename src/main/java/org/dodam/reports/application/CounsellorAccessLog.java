package org.dodam.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Actor;
import org.dodam.accounts.application.CounsellorAccessChanged;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.DodamException;
import org.dodam.platform.PlatformSettings;
import org.dodam.platform.mail.Mailer;
import org.dodam.platform.mail.Mailer.Mail;
import org.dodam.platform.web.Texts;
import org.dodam.reports.domain.AuditEvent;
import org.dodam.reports.domain.AuditEvent.Action;

/**
 * Who may read a school's reports is the counsellors' business: every change of counsellor access that
 * accounts announces ({@link CounsellorAccessChanged}) becomes a line of the school's audit log, in the same
 * transaction as the change, and an e-mail to each active counsellor of the school once it has committed. So
 * an admin who proposes a counsellor, or tries anything else with counsellor accounts, is seen by the people
 * who guard the reports. The e-mail names the account and who acted, never anything from a report.
 */
@ApplicationScoped
@Transactional
public class CounsellorAccessLog {

    /** The counsellor-access lines the home page lists. */
    public static final int RECENT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    PlatformSettings platform;

    void onChange(@Observes CounsellorAccessChanged change) {
        Action action = action(change.change());
        em.persist(AuditEvent.counsellorAccess(
                change.schoolId(), change.actorId(), action, change.counsellorUsername(), clock.instant()));
        if (!mailer.enabled()) {
            return;
        }
        String actor = change.actorId() == null
                ? null
                : accounts.namesInSchool(change.schoolId(), List.of(change.actorId()))
                        .get(change.actorId());
        mailer.sendAfterCommit(accounts.activeInSchool(change.schoolId(), Role.COUNSELLOR).stream()
                .filter(a -> a.email() != null)
                .map(a -> mail(a, action, change, actor))
                .toList());
    }

    /** The school's latest changes of counsellor access, newest first, for a counsellor who reads reports. */
    public List<AccessLine> recent(Actor counsellor) {
        if (!accounts.readsReports(counsellor)) {
            throw DodamException.notFound();
        }
        long school = counsellor.schoolId();
        List<AuditEvent> events = em.createNamedQuery("AuditEvent.ofSchoolWithActions", AuditEvent.class)
                .setParameter("school", school)
                .setParameter(
                        "actions",
                        Stream.of(Action.values())
                                .filter(Action::counsellorAccess)
                                .toList())
                .setMaxResults(RECENT)
                .getResultList();
        Map<Long, String> names = accounts.namesInSchool(
                school,
                events.stream()
                        .map(AuditEvent::actorId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        return events.stream()
                .map(e -> new AccessLine(
                        e.at(), e.actorId() == null ? null : names.get(e.actorId()), e.action(), e.detail()))
                .toList();
    }

    private Mail mail(Accounts.Person to, Action action, CounsellorAccessChanged change, String actor) {
        ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(to.locale()));
        String what = texts.getString("reports.audit.action." + action.name());
        String who = actor == null ? texts.getString("counsellorAccess.operator") : actor;
        String link = platform.publicPage("counsellor/index.xhtml");
        String body = new MessageFormat(texts.getString("mail.access.body"), texts.getLocale())
                .format(new Object[] {what, change.counsellorName(), change.counsellorUsername(), who, link});
        return new Mail(to.email(), texts.getString("mail.access.subject"), body);
    }

    private static Action action(CounsellorAccessChanged.Change change) {
        return switch (change) {
            case PROPOSED -> Action.COUNSELLOR_PROPOSED;
            case CONFIRMED -> Action.COUNSELLOR_CONFIRMED;
            case PASSWORD_RESET -> Action.COUNSELLOR_PASSWORD_RESET;
            case SUSPENDED -> Action.COUNSELLOR_SUSPENDED;
            case REACTIVATED -> Action.COUNSELLOR_REACTIVATED;
            case SET_UP_BY_OPERATOR -> Action.COUNSELLOR_SET_UP;
        };
    }

    /** One change of counsellor access as the counsellors' home page lists it; actor null for the operator. */
    public record AccessLine(Instant at, String actor, Action action, String counsellor) {}
}
