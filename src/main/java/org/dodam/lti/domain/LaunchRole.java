package org.dodam.lti.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What a person may be in Dodam after a launch, read from the LTI roles claim. Only the course (context) roles
 * count: Learner makes a student; Instructor, or its sub-role TeachingAssistant, makes a teacher. Institution and
 * system roles (Administrator, ...) are ignored on purpose: a launch never makes a counsellor or a school admin.
 * A person with no role Dodam knows (Mentor, ContentDeveloper, none) gets no role, and the launch is refused.
 * Someone who is both Instructor and Learner in a course is a teacher, which is what the platform lets them be.
 */
public enum LaunchRole {
    LEARNER,
    INSTRUCTOR;

    private static final String CONTEXT_ROLES = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String INSTRUCTOR_SUB_ROLES = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#";

    private static final Set<String> INSTRUCTORS = Set.of(
            CONTEXT_ROLES + "Instructor",
            INSTRUCTOR_SUB_ROLES + "TeachingAssistant",
            CONTEXT_ROLES + "TeachingAssistant",
            "Instructor",
            "TeachingAssistant");
    private static final Set<String> LEARNERS = Set.of(CONTEXT_ROLES + "Learner", "Learner");

    /** The role these LTI roles give, if any (LTI 1.3 allows the short names for context roles too). */
    public static Optional<LaunchRole> of(Collection<String> roles) {
        if (roles == null) {
            return Optional.empty();
        }
        if (roles.stream().anyMatch(INSTRUCTORS::contains)) {
            return Optional.of(INSTRUCTOR);
        }
        if (roles.stream().anyMatch(LEARNERS::contains)) {
            return Optional.of(LEARNER);
        }
        return Optional.empty();
    }
}
