package org.dodam.reports.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.domain.Role;
import org.dodam.platform.web.Texts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells a school's counsellors by e-mail that a report arrived (or a reporter answered), once the change
 * has committed. The e-mail says only that, whether it is urgent, and where to sign in: no category, no
 * words of the report, nothing a shared mailbox or a mail server should hold. Sent in the background so a
 * slow mail server never delays the reporter; without DODAM_SMTP_HOST nothing is sent.
 */
@ApplicationScoped
public class ReportNotifier {

    private static final Logger LOG = Logger.getLogger(ReportNotifier.class.getName());

    public enum Kind { NEW_REPORT, REPORTER_ANSWERED }

    /** Something happened on a case that counsellors should know about; carries no content. */
    public record CaseActivity(long schoolId, boolean urgent, Kind kind) {
    }

    @Resource
    ManagedExecutorService executor;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "dodam.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "dodam.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "dodam.smtp.from", defaultValue = "dodam@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "dodam.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "dodam.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "dodam.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "dodam.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseActivity activity) {
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            return;
        }
        List<Recipient> recipients = accounts.activeInSchool(activity.schoolId(), Role.COUNSELLOR).stream()
                .filter(a -> a.email() != null)
                .map(a -> new Recipient(a.email(), a.locale()))
                .toList();
        if (!recipients.isEmpty()) {
            executor.submit(() -> send(activity, recipients));
        }
    }

    private void send(CaseActivity activity, List<Recipient> recipients) {
        Session session = session();
        for (Recipient recipient : recipients) {
            try {
                ResourceBundle texts = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(recipient.locale()));
                String kind = activity.kind() == Kind.NEW_REPORT ? "new" : "answer";
                String subject = texts.getString("mail." + kind + (activity.urgent() ? ".subjectUrgent" : ".subject"));
                String link = publicUrl.endsWith("/") ? publicUrl + "counsellor/index.xhtml" : publicUrl + "/counsellor/index.xhtml";
                String body = new MessageFormat(texts.getString("mail." + kind + ".body"), texts.getLocale()).format(new Object[] {link});
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(from));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email()));
                message.setSubject(subject, "UTF-8");
                message.setText(body, "UTF-8");
                Transport.send(message);
            } catch (MessagingException | RuntimeException e) {
                // The address is the school's own staff address; the report is never part of the message.
                LOG.log(Level.WARNING, "Could not send a report notification: {0}", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElseThrow());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
        if (user.filter(u -> !u.isBlank()).isPresent()) {
            properties.put("mail.smtp.auth", "true");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(properties);
    }

    private record Recipient(String email, String locale) {
    }
}
