package org.dodam.lti.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone who launched Dodam from a course, with the role they had there: the students of a course whose class
 * does not exist yet join it when its teacher first arrives. (The roster service of a later step fills the same
 * table from the platform's list.)
 */
@Entity
@Table(name = "lti_context_member")
@NamedQuery(
        name = "CourseMember.find",
        query = "select m from CourseMember m where m.courseId = :course and m.personId = :person")
@NamedQuery(
        name = "CourseMember.learnerAccounts",
        query =
                "select p.accountId from CourseMember m, LaunchedPerson p"
                        + " where m.courseId = :course and m.personId = p.id and m.role = org.dodam.lti.domain.LaunchRole.LEARNER")
public class CourseMember {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "context_id", nullable = false)
    private long courseId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LaunchRole role;

    @Column(name = "first_launch_at", nullable = false)
    private Instant firstLaunchAt;

    protected CourseMember() {}

    public CourseMember(long courseId, long personId, LaunchRole role, Instant now) {
        this.courseId = courseId;
        this.personId = personId;
        this.role = Objects.requireNonNull(role, "role");
        this.firstLaunchAt = Objects.requireNonNull(now, "now");
    }
}
