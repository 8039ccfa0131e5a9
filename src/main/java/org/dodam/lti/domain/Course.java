package org.dodam.lti.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A platform course (the LTI {@code context}) that launched Dodam, within one deployment of one registration. It
 * becomes a Dodam class of the registration's school when its first teacher arrives ({@link #classId}): a class
 * needs a teacher, so students who come first are remembered as members ({@link CourseMember}) and join the class
 * when it is made. Its version column makes two first launches racing to make the class fail one of them, which
 * is then tried again and finds the class.
 */
@Entity
@Table(name = "lti_context")
@NamedQuery(
        name = Course.CLAIM_ROSTER,
        query =
                "update Course c set c.rosterReadAt = :now where c.id = :id"
                        + " and c.membershipsUrl is not null and c.classId is not null and (c.rosterReadAt is null or c.rosterReadAt < :before)")
@NamedQuery(
        name = "Course.find",
        query = "select c from Course c where c.registrationId = :registration"
                + " and c.deploymentId = :deployment and c.contextId = :context")
@NamedQuery(
        name = "Course.launchedRegistrations",
        query = "select distinct c.registrationId from Course c where c.registrationId in :registrations")
@NamedQuery(
        name = "Course.countOfRegistration",
        query = "select count(c) from Course c where c.registrationId = :registration")
public class Course {

    public static final int MAX_TITLE = 255;
    /** Takes the course's roster to read unless it was read since {@code :before} (a bulk update: the version stays). */
    public static final String CLAIM_ROSTER = "Course.claimRoster";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "registration_id", nullable = false)
    private long registrationId;

    @Column(name = "deployment_id", nullable = false, length = 255)
    private String deploymentId;

    @Column(name = "context_id", nullable = false, length = 255)
    private String contextId;

    @Column(length = MAX_TITLE)
    private String title;

    @Column(name = "class_id")
    private Long classId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "memberships_url", length = 1000)
    private String membershipsUrl;

    @Column(name = "roster_read_at")
    private Instant rosterReadAt;

    @Version
    private int version;

    protected Course() {}

    public Course(long registrationId, String deploymentId, String contextId, String title, Instant now) {
        this.registrationId = registrationId;
        this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
        this.contextId = Objects.requireNonNull(contextId, "contextId");
        this.title = title;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** The platform's newest title for the course (a course may be renamed there). */
    public void titled(String newTitle) {
        if (newTitle != null && !newTitle.isBlank()) {
            title = newTitle;
        }
    }

    /** The Dodam class made for this course. A course has one class, made once. */
    public void becameClass(long newClassId) {
        if (classId != null) {
            throw new IllegalStateException("course " + id + " already has class " + classId);
        }
        classId = newClassId;
    }

    /** The course's roster address (Names and Role Provisioning Services), as its latest launch named it. */
    public void offersRoster(String url) {
        if (url != null && !url.equals(membershipsUrl)) {
            membershipsUrl = url;
        }
    }

    public java.util.Optional<String> membershipsUrl() {
        return java.util.Optional.ofNullable(membershipsUrl);
    }

    public long registrationId() {
        return registrationId;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public java.util.Optional<Long> classId() {
        return java.util.Optional.ofNullable(classId);
    }
}
