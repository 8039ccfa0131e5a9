package org.dodam.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.School;
import org.dodam.platform.DodamException;
import org.junit.jupiter.api.Test;

/**
 * ASVS 2.3.1 on the account itself: a password someone else set is only a start password. Staff whose password
 * the admin, a counsellor or the operator set must choose their own before any other page of theirs opens, as
 * students whose password a teacher set always had to; choosing it raises the credentials version and ends the
 * duty. Accounts made without a start password (the demo school's seed) and passwords people change themselves
 * are not affected.
 */
class StartPasswordTest {

    static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");

    final School school = new School("Hangang High School", "KR", "hangang", NOW);
    final Account admin = account("school-admin", Role.SCHOOL_ADMIN);
    final Account counsellor = account("counsellor-kim", Role.COUNSELLOR);

    @Test
    void aTeacherTheAdminAddsChoosesTheirOwnPasswordBeforeAnythingElse() {
        Account teacher = account("teacher-lee", Role.TEACHER);
        assertThat(teacher.mustChoosePassword())
                .as("an account as the demo seed makes it")
                .isFalse();
        assertThat(teacher.homePath()).isEqualTo("/teacher/index.xhtml");

        teacher.passwordGivenByAnother();
        assertThat(teacher.mustChoosePassword()).isTrue();
        assertThat(teacher.homePath())
                .as("their only page: the folder's password page")
                .isEqualTo("/teacher/password.xhtml")
                .isEqualTo(teacher.choosePasswordPage());

        int before = teacher.credentialsVersion();
        teacher.chooseOwnPassword("hash-only-the-teacher-knows");
        assertThat(teacher.mustChoosePassword()).isFalse();
        assertThat(teacher.passwordHash()).isEqualTo("hash-only-the-teacher-knows");
        assertThat(teacher.credentialsVersion())
                .as("sessions begun with the admin's password end")
                .isGreaterThan(before);
        assertThat(teacher.homePath()).isEqualTo("/teacher/index.xhtml");
        assertThatThrownBy(() -> teacher.chooseOwnPassword("again"))
                .as("only once")
                .isInstanceOf(DodamException.class)
                .hasMessage("password.choose.notNeeded");
    }

    @Test
    void aResetByTheAdminOrACounsellorMakesStaffChooseAgain() {
        Account teacher = account("teacher-lee", Role.TEACHER);
        teacher.resetPasswordBy(admin, "admin-knows-this");
        assertThat(teacher.mustChoosePassword()).isTrue();
        assertThat(teacher.homePath()).isEqualTo("/teacher/password.xhtml");

        counsellor.resetPasswordBy(account("counsellor-park", Role.COUNSELLOR), "colleague-knows-this");
        assertThat(counsellor.mustChoosePassword()).isTrue();
        assertThat(counsellor.homePath()).isEqualTo("/counsellor/password.xhtml");
        assertThat(counsellor.readsReports())
                .as("still a counsellor; the filter keeps every other page shut")
                .isTrue();
    }

    @Test
    void aConfirmedCounsellorReplacesThePasswordTheConfirmingCounsellorHandedOver() {
        Account proposed =
                Account.proposeCounsellor(admin, "new-counsellor", "admins-choice", "New Counsellor", null, "en", NOW);
        assertThat(proposed.homePath())
                .as("waiting comes first: the admin's password dies at confirmation anyway")
                .isEqualTo(Account.AWAITING_CONFIRMATION_PAGE);
        proposed.confirmBy(counsellor, "confirming-counsellor-saw-this");
        assertThat(proposed.mustChoosePassword()).isTrue();
        assertThat(proposed.homePath()).isEqualTo("/counsellor/password.xhtml");
    }

    @Test
    void passwordsTheOperatorSetAreStartPasswordsToo() {
        admin.passwordGivenByAnother(); // DODAM_SETUP_ADMIN_PASSWORD, typed into the server's environment
        assertThat(admin.homePath()).isEqualTo("/admin/password.xhtml");

        counsellor.deactivate();
        counsellor.restoreCounsellorByOperator("operator-hash");
        assertThat(counsellor.mustChoosePassword()).isTrue();
        assertThat(counsellor.homePath()).isEqualTo("/counsellor/password.xhtml");
    }

    @Test
    void staffWhoChangeTheirOwnPasswordAreNotAsked() {
        Account teacher = account("teacher-lee", Role.TEACHER);
        teacher.changePassword("own-new-hash");
        assertThat(teacher.mustChoosePassword()).isFalse();
        assertThatThrownBy(() -> teacher.chooseOwnPassword("h")).hasMessage("password.choose.notNeeded");
    }

    @Test
    void studentsKeepTheirOwnPage() {
        Account student = account("student-01", Role.STUDENT);
        assertThatThrownBy(student::passwordGivenByAnother)
                .as("a student's start password comes from a teacher")
                .isInstanceOf(DodamException.class);
        assertThatThrownBy(admin::passwordGivenByTeacher).isInstanceOf(DodamException.class);

        student.passwordGivenByTeacher();
        assertThat(student.homePath()).isEqualTo(Account.CHOOSE_PASSWORD_PAGE).isEqualTo("/student/password.xhtml");
        student.chooseOwnPassword("student-own-hash");
        assertThat(student.homePath()).isEqualTo("/student/index.xhtml");
        student.resetPasswordBy(account("teacher-lee", Role.TEACHER), "teacher-reset");
        assertThat(student.homePath()).isEqualTo("/student/password.xhtml");
    }

    private Account account(String username, Role role) {
        return new Account(school, username, "hash-set-by-someone", role, username, null, "en", NOW);
    }
}
