package org.dodam.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.School;
import org.junit.jupiter.api.Test;

/** Where signing in leads after a signed-in page sent the person away: only back into their own folder. */
class SignInBackingTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final School SCHOOL = new School("Hangang High School", "KR", "hangang", NOW);

    @Test
    void signingInLeadsBackToAPageOfThePersonsOwnFolder() {
        Account teacher = account(Role.TEACHER);
        assertThat(SignInBacking.continueTo("/teacher/class.xhtml?id=12", teacher))
                .isEqualTo("/teacher/class.xhtml?id=12");
        assertThat(SignInBacking.continueTo("/teacher/sign-in-slips?id=12&lang=ko", teacher))
                .isEqualTo("/teacher/sign-in-slips?id=12&lang=ko");
        assertThat(SignInBacking.continueTo(null, teacher)).isEqualTo("/teacher/index.xhtml");
    }

    @Test
    void anythingElseLeadsHome() {
        Account teacher = account(Role.TEACHER);
        for (String path : new String[] {
            "https://evil.example/teacher/",
            "//evil.example/teacher/",
            "/teacher//evil.example",
            "/teacher/\\evil.example",
            "/teacher/../admin/index.xhtml",
            "/admin/index.xhtml",
            "/counsellor/case.xhtml?id=1",
            "/teacher/index.xhtml\r\nSet-Cookie: x=y",
            "",
            "teacher/index.xhtml",
            "/teacher/" + "a".repeat(600)
        }) {
            assertThat(SignInBacking.continueTo(path, teacher)).as(path).isEqualTo("/teacher/index.xhtml");
        }
    }

    @Test
    void aStudentWhoMustChooseAPasswordGoesThereFirst() {
        Account student = account(Role.STUDENT);
        student.passwordGivenByTeacher();
        assertThat(SignInBacking.continueTo("/student/lesson.xhtml?id=consent-asking-first", student))
                .isEqualTo(student.homePath())
                .isNotEqualTo("/student/index.xhtml");
    }

    private static Account account(Role role) {
        return new Account(SCHOOL, role.name().toLowerCase() + "-one", "hash", role, "Someone", null, "en", NOW);
    }
}
