package org.dodam.lti.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a person from a platform is in Dodam: the platform's issuer and its {@code sub} for them (OpenID Connect's
 * stable identifier; never the e-mail address, which people change and platforms reuse), linked to one Dodam
 * account of the school that registered the platform. The same platform person arriving through another school's
 * registration is another person there, with another account: one school never reaches another's accounts.
 */
@Entity
@Table(name = "lti_person")
@NamedQuery(
        name = "LaunchedPerson.find",
        query =
                "select p from LaunchedPerson p where p.schoolId = :school and p.issuer = :issuer and p.subject = :subject")
public class LaunchedPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "school_id", nullable = false)
    private long schoolId;

    @Column(nullable = false, length = 255)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_launch_at", nullable = false)
    private Instant lastLaunchAt;

    @Column(name = "first_launch_at")
    private Instant firstLaunchAt;

    protected LaunchedPerson() {}

    private LaunchedPerson(long schoolId, String issuer, String subject, long accountId, Instant now) {
        this.schoolId = schoolId;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.accountId = accountId;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastLaunchAt = now;
    }

    /** A person arriving by a launch now. */
    public static LaunchedPerson launching(long schoolId, String issuer, String subject, long accountId, Instant now) {
        LaunchedPerson person = new LaunchedPerson(schoolId, issuer, subject, accountId, now);
        person.firstLaunchAt = now;
        return person;
    }

    /** A person the course's roster lists, who has not launched yet. */
    public static LaunchedPerson listed(long schoolId, String issuer, String subject, long accountId, Instant now) {
        return new LaunchedPerson(schoolId, issuer, subject, accountId, now);
    }

    /** Records a launch; returns whether it was the person's first (they were only listed on a roster until now). */
    public boolean launched(Instant now) {
        lastLaunchAt = Objects.requireNonNull(now, "now");
        if (firstLaunchAt == null) {
            firstLaunchAt = now;
            return true;
        }
        return false;
    }

    public Long id() {
        return id;
    }

    /** The platform's stable identifier of the person, which its services (grades, rosters) know them by. */
    public String subject() {
        return subject;
    }

    public long accountId() {
        return accountId;
    }
}
