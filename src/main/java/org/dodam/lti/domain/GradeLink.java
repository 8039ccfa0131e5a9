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
 * A grade column of the platform that a student's scores for one lesson go to: the line item that the student's
 * launch of that lesson named in its Assignment and Grade Services claim, with the score scope. Made at the first
 * such launch; a course that links the lesson twice (two activities) has two line items, and each gets the score.
 */
@Entity
@Table(name = "lti_grade_link")
@NamedQuery(
        name = "GradeLink.find",
        query = "select g from GradeLink g where g.accountId = :account and g.lessonId = :lesson"
                + " and g.lineItemUrl = :lineItem")
@NamedQuery(
        name = "GradeLink.ofStudentLesson",
        query = "select g from GradeLink g where g.accountId = :account and g.lessonId = :lesson")
public class GradeLink {

    /** The longest line item address kept (the column's size). */
    public static final int URL_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "registration_id", nullable = false)
    private long registrationId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "lesson_id", nullable = false, length = 80)
    private String lessonId;

    @Column(name = "line_item_url", nullable = false, length = URL_MAX)
    private String lineItemUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GradeLink() {}

    public GradeLink(
            long registrationId, long personId, long accountId, String lessonId, String lineItemUrl, Instant now) {
        if (lineItemUrl.length() > URL_MAX || !PlatformRegistration.acceptableAddress(lineItemUrl)) {
            throw new IllegalArgumentException("not a line item address Dodam sends scores to");
        }
        this.registrationId = registrationId;
        this.personId = personId;
        this.accountId = accountId;
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.lineItemUrl = lineItemUrl;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public long id() {
        return id;
    }

    public long registrationId() {
        return registrationId;
    }

    public long personId() {
        return personId;
    }

    public String lineItemUrl() {
        return lineItemUrl;
    }
}
