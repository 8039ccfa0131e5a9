package org.dodam.reports.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.platform.PlatformSettings;
import org.dodam.platform.mail.Mailer;
import org.dodam.platform.web.Texts;
import org.dodam.reports.domain.ReportChannel;
import org.dodam.reports.domain.ReportChannel.Pending;

/**
 * Tells a school's counsellors by e-mail what came in: how many new reports (and how many urgent) and how
 * many reporters' messages, and where to sign in; no category, no words of a report, nothing a shared
 * mailbox or a mail server should hold. Mail goes out in batches at fixed times, with a random delay, never
 * when a report arrives: the Date and Received headers of a mail sent the second a report committed would
 * give that report's exact time, to set against a student's lesson clicks. Urgent reports are announced at
 * the next urgent slot (every DODAM_NOTIFY_URGENT_EVERY_SECONDS, five minutes by default), everything else
 * at the next regular one (DODAM_NOTIFY_EVERY_SECONDS, an hour), each plus up to DODAM_NOTIFY_JITTER_SECONDS.
 * What is still to be told is counted in the school's channel row, so a restart loses no notice; a batch
 * whose mail fails is counted back. Mail goes through {@link Mailer}; without DODAM_SMTP_HOST nothing is sent.
 */
@ApplicationScoped
public class ReportNotifier {

    private static final Logger LOG = Logger.getLogger(ReportNotifier.class.getName());

    /** What counsellors are told about: a new report, or a reporter's answer on a case. */
    public enum Kind {
        NEW_REPORT,
        REPORTER_ANSWERED
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReportChannels channels;

    @Inject
    Accounts accounts;

    @Inject
    Mailer mailer;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    @Inject
    PlatformSettings platform;

    @Inject
    ReportsSettings settings;

    private volatile boolean running;
    private ScheduledFuture<?> next;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 70) DatabaseReady ready) {
        if (!mailer.enabled()) {
            return;
        }
        running = true;
        scheduleNextSlot();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** Waits for the next urgent slot (slots are whole multiples of the interval since the epoch). */
    private void scheduleNextSlot() {
        if (!running) {
            return;
        }
        long nowMillis = clock.millis();
        long slotMillis = settings.notices().urgentEvery().toMillis();
        long slot = (nowMillis / slotMillis + 1) * slotMillis;
        next = scheduler.schedule(() -> slot(slot / 1000), slot - nowMillis, TimeUnit.MILLISECONDS);
    }

    private void slot(long slotSecond) {
        try {
            ReportsSettings.Notices notices = settings.notices();
            boolean regular = slotSecond % notices.every().toSeconds() == 0;
            for (ReportChannel channel : channels.withPendingNotices()) {
                if (regular || channel.pendingUrgent() > 0) {
                    long jitter = notices.jitter().toMillis();
                    long delay = jitter == 0 ? 0 : random.nextLong(jitter);
                    long school = channel.schoolId();
                    scheduler.schedule(() -> tell(school), delay, TimeUnit.MILLISECONDS);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not look for report notices: {0}",
                    e.getClass().getSimpleName());
        } finally {
            scheduleNextSlot();
        }
    }

    private void tell(long schoolId) {
        try {
            List<Recipient> recipients = accounts.activeInSchool(schoolId, Role.COUNSELLOR).stream()
                    .filter(a -> a.email() != null)
                    .map(a -> new Recipient(a.email(), a.locale()))
                    .toList();
            if (recipients.isEmpty()) {
                return;
            }
            Pending pending = channels.takePendingNotices(schoolId);
            if (!pending.any()) {
                return;
            }
            if (!send(pending, recipients)) {
                channels.restorePendingNotices(schoolId, pending);
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not send report notices: {0}",
                    e.getClass().getSimpleName());
        }
    }

    /** True when the notice reached at least one counsellor's mail server. */
    private boolean send(Pending pending, List<Recipient> recipients) {
        List<Mailer.Mail> mails = new ArrayList<>();
        for (Recipient recipient : recipients) {
            ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(recipient.locale()));
            String subject = texts.getString(pending.urgent() ? "mail.digest.subjectUrgent" : "mail.digest.subject");
            String link = platform.publicPage("counsellor/index.xhtml");
            String body = new MessageFormat(texts.getString("mail.digest.body"), texts.getLocale())
                    .format(new Object[] {
                        pending.newReports() + pending.urgentReports(), pending.urgentReports(), pending.answers(), link
                    });
            if (pending.flood() != null) {
                body += "\n\n"
                        + new MessageFormat(texts.getString("mail.digest.flood"), texts.getLocale())
                                .format(new Object[] {pending.flood().toString()});
            }
            mails.add(new Mailer.Mail(recipient.email(), subject, body));
        }
        return mailer.sendNow(mails) > 0;
    }

    private record Recipient(String email, String locale) {}
}
