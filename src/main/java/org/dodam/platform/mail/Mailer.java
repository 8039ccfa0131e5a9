package org.dodam.platform.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.platform.PlatformSettings;

/**
 * Sends plain-text e-mail through the school's SMTP server (DODAM_SMTP_*), in the background and only once
 * the current transaction has committed, so a rolled-back change sends nothing and a slow mail server delays
 * no one. Without DODAM_SMTP_HOST nothing is sent. Callers decide what a message may say; a failure is logged
 * by its kind only, never with the message.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** One message to one address. */
    public record Mail(String to, String subject, String body) {
        public Mail {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    PlatformSettings settings;

    /** Whether a mail server is configured; without one, callers need not even gather recipients. */
    public boolean enabled() {
        return settings.mail().isPresent();
    }

    /** Sends the messages after the current transaction commits (at once when there is none); never throws. */
    public void sendAfterCommit(List<Mail> mails) {
        if (!enabled() || mails.isEmpty()) {
            return;
        }
        List<Mail> copy = List.copyOf(mails);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        executor.submit(() -> send(copy));
                    }
                }
            });
        } else {
            executor.submit(() -> send(copy));
        }
    }

    /** Sends the messages now, on the caller's thread; returns how many the mail server took. Never throws. */
    public int sendNow(List<Mail> mails) {
        return enabled() ? send(mails) : 0;
    }

    private int send(List<Mail> mails) {
        Session session = session();
        int sent = 0;
        for (Mail mail : mails) {
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(
                        new InternetAddress(settings.mail().orElseThrow().from()));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
                message.setSubject(mail.subject(), "UTF-8");
                message.setText(mail.body(), "UTF-8");
                Transport.send(message);
                sent++;
            } catch (MessagingException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not send an e-mail: {0}",
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private Session session() {
        PlatformSettings.Mail server = settings.mail().orElseThrow();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(server.startTls()));
        if (server.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(
                            server.user().get(), server.password().orElse(""));
                }
            });
        }
        return Session.getInstance(properties);
    }
}
