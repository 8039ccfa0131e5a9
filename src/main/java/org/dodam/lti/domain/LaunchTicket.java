package org.dodam.lti.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified launch that arrived in the platform's frame, waiting for its person to open Dodam in a tab of its own.
 * In a frame of another site Dodam's session cookie is not kept (it is {@code SameSite=Lax}, and browsers that block
 * third-party cookies keep none at all), so the launch is not signed in there: the frame shows a button that posts
 * a one-time ticket to a new tab, where the session is first-party. Only the ticket's hash is kept ({@link
 * LoginState#hash}); it is taken once ({@code used_at}, one conditional update) within {@link #LIFETIME}.
 */
@Entity
@Table(name = "lti_launch_ticket")
@NamedQuery(
        name = "LaunchTicket.use",
        query =
                "update LaunchTicket t set t.usedAt = :now where t.ticketHash = :hash and t.usedAt is null and t.expiresAt > :now")
@NamedQuery(name = "LaunchTicket.purge", query = "delete from LaunchTicket t where t.expiresAt < :before")
public class LaunchTicket {

    /** Long enough to read the frame and press its button; a launch is made again from the course at any time. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    @Id
    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "username", nullable = false, length = 80)
    private String username;

    @Column(name = "role", nullable = false, length = 20)
    private String role;

    @Column(name = "locale", nullable = false, length = 10)
    private String locale;

    @Column(name = "landing", nullable = false, length = 500)
    private String landing;

    @Column(name = "roster_course_id")
    private Long rosterCourseId;

    @Column(name = "deep_link_registration")
    private Long deepLinkRegistration;

    @Column(name = "deep_link_deployment", length = 255)
    private String deepLinkDeployment;

    @Column(name = "deep_link_return_url", length = 2048)
    private String deepLinkReturnUrl;

    @Column(name = "deep_link_data", length = 2000)
    private String deepLinkData;

    @Column(name = "deep_link_multiple")
    private Boolean deepLinkMultiple;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected LaunchTicket() {}

    /** The deep linking request a teacher's launch carried, in the ticket's columns (all null when none). */
    public record DeepLink(long registrationId, String deploymentId, String returnUrl, String data, boolean multiple) {}

    public LaunchTicket(
            String ticket,
            long accountId,
            String username,
            String role,
            String locale,
            String landing,
            Long rosterCourseId,
            DeepLink deepLink,
            Instant now) {
        this.ticketHash = LoginState.hash(Objects.requireNonNull(ticket, "ticket"));
        this.accountId = accountId;
        this.username = Objects.requireNonNull(username, "username");
        this.role = Objects.requireNonNull(role, "role");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.landing = Objects.requireNonNull(landing, "landing");
        this.rosterCourseId = rosterCourseId;
        if (deepLink != null) {
            this.deepLinkRegistration = deepLink.registrationId();
            this.deepLinkDeployment = deepLink.deploymentId();
            this.deepLinkReturnUrl = deepLink.returnUrl();
            this.deepLinkData = deepLink.data();
            this.deepLinkMultiple = deepLink.multiple();
        }
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(LIFETIME);
    }

    public long accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    public String role() {
        return role;
    }

    public String locale() {
        return locale;
    }

    public String landing() {
        return landing;
    }

    public Long rosterCourseId() {
        return rosterCourseId;
    }

    /** The deep linking request, or null if the launch carried none. */
    public DeepLink deepLink() {
        return deepLinkRegistration == null
                ? null
                : new DeepLink(
                        deepLinkRegistration,
                        deepLinkDeployment,
                        deepLinkReturnUrl,
                        deepLinkData,
                        Boolean.TRUE.equals(deepLinkMultiple));
    }
}
