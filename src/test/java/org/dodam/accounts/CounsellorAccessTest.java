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
 * The rules that keep counsellor access from being granted by one person, on the account itself: a counsellor
 * the admin proposes reads nothing until a counsellor of the school who reads reports confirms it (with a new
 * password), and only such a counsellor resets a counsellor's password or reactivates one.
 */
class CounsellorAccessTest {

    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    final School school = new School("Hangang High School", "KR", "hangang", NOW);
    final School otherSchool = new School("Far Hills School", "KR", "far-hills", NOW);
    final Account admin = account(school, "school-admin", Role.SCHOOL_ADMIN);
    final Account counsellor = account(school, "counsellor-kim", Role.COUNSELLOR);
    final Account teacher = account(school, "teacher-lee", Role.TEACHER);

    @Test
    void aCounsellorTheAdminProposesReadsNoReportUntilAnotherCounsellorConfirmsIt() {
        Account proposed = propose("new-counsellor");
        assertThat(proposed.role()).isEqualTo(Role.COUNSELLOR);
        assertThat(proposed.active()).as("it may sign in, to see that it waits").isTrue();
        assertThat(proposed.awaitingConfirmation()).isTrue();
        assertThat(proposed.readsReports()).isFalse();
        assertThat(counsellor.readsReports()).isTrue();

        int before = proposed.credentialsVersion();
        proposed.confirmBy(counsellor, "hash-only-the-confirming-counsellor-saw");
        assertThat(proposed.readsReports()).isTrue();
        assertThat(proposed.passwordHash())
                .as("the password the admin chose stops working")
                .isEqualTo("hash-only-the-confirming-counsellor-saw");
        assertThat(proposed.credentialsVersion())
                .as("sessions begun before the confirmation end")
                .isGreaterThan(before);
        assertThatThrownBy(() -> proposed.confirmBy(counsellor, "again"))
                .isInstanceOf(DodamException.class)
                .hasMessage("accounts.counsellor.notAwaiting");
    }

    @Test
    void noOneButAConfirmedCounsellorOfTheSameSchoolConfirms() {
        Account proposed = propose("new-counsellor");
        Account otherProposed = propose("other-new-counsellor");
        Account suspended = account(school, "counsellor-away", Role.COUNSELLOR);
        suspended.deactivate();
        Account elsewhere = account(otherSchool, "far-counsellor", Role.COUNSELLOR);
        for (Account actor : new Account[] {admin, teacher, proposed, otherProposed, suspended, elsewhere}) {
            assertThatThrownBy(() -> proposed.confirmBy(actor, "hash"))
                    .as(actor.username())
                    .isInstanceOf(DodamException.class)
                    .hasMessage("accounts.counsellor.confirmNotAllowed");
        }
        assertThat(proposed.readsReports()).isFalse();
        assertThat(proposed.passwordHash()).isEqualTo("hash-of-admin-choice");
    }

    @Test
    void onlyAnActiveAdminProposes() {
        assertThatThrownBy(() -> Account.proposeCounsellor(teacher, "x-counsellor", "h", "X", null, "en", NOW))
                .isInstanceOf(DodamException.NotFound.class);
        assertThatThrownBy(() -> Account.proposeCounsellor(counsellor, "x-counsellor", "h", "X", null, "en", NOW))
                .isInstanceOf(DodamException.NotFound.class);
        admin.deactivate();
        assertThatThrownBy(() -> propose("x-counsellor")).isInstanceOf(DodamException.NotFound.class);
    }

    @Test
    void theAdminCannotResetACounsellorsPasswordButACounsellorCan() {
        assertThatThrownBy(() -> counsellor.resetPasswordBy(admin, "admin-knows-this"))
                .isInstanceOf(DodamException.class)
                .hasMessage("accounts.counsellor.guarded");
        assertThat(counsellor.passwordHash()).isEqualTo("hash-of-admin-choice");
        Account proposed = propose("new-counsellor");
        assertThatThrownBy(() -> proposed.resetPasswordBy(admin, "h"))
                .as("nor a proposed one's")
                .hasMessage("accounts.counsellor.guarded");
        assertThatThrownBy(
                        () -> counsellor.resetPasswordBy(account(otherSchool, "far-counsellor", Role.COUNSELLOR), "h"))
                .as("nor a counsellor of another school")
                .hasMessage("accounts.counsellor.guarded");
        assertThatThrownBy(() -> counsellor.resetPasswordBy(proposed, "h"))
                .as("nor a counsellor still waiting")
                .hasMessage("accounts.counsellor.guarded");

        Account colleague = account(school, "counsellor-park", Role.COUNSELLOR);
        int before = counsellor.credentialsVersion();
        counsellor.resetPasswordBy(colleague, "new-hash");
        assertThat(counsellor.passwordHash()).isEqualTo("new-hash");
        assertThat(counsellor.credentialsVersion()).isGreaterThan(before);
        teacher.resetPasswordBy(admin, "teacher-hash");
        assertThat(teacher.passwordHash())
                .as("the admin still looks after teachers")
                .isEqualTo("teacher-hash");
    }

    @Test
    void theAdminMaySuspendACounsellorButNotBringOneBack() {
        counsellor.deactivate();
        assertThat(counsellor.readsReports()).isFalse();
        assertThatThrownBy(() -> counsellor.reactivateBy(admin))
                .isInstanceOf(DodamException.class)
                .hasMessage("accounts.counsellor.guarded");
        assertThat(counsellor.active()).isFalse();
        counsellor.reactivateBy(account(school, "counsellor-park", Role.COUNSELLOR));
        assertThat(counsellor.readsReports()).isTrue();

        teacher.deactivate();
        teacher.reactivateBy(admin);
        assertThat(teacher.active()).isTrue();
    }

    @Test
    void theOperatorRestoresOnlyACounsellor() {
        counsellor.deactivate();
        counsellor.restoreCounsellorByOperator("operator-hash");
        assertThat(counsellor.readsReports()).isTrue();
        assertThat(counsellor.passwordHash()).isEqualTo("operator-hash");
        Account proposed = propose("new-counsellor");
        proposed.restoreCounsellorByOperator("operator-hash-2");
        assertThat(proposed.readsReports()).isTrue();
        assertThatThrownBy(() -> admin.restoreCounsellorByOperator("h")).isInstanceOf(DodamException.class);
    }

    @Test
    void onlyConfirmedActiveCounsellorsReadReports() {
        assertThat(admin.readsReports()).isFalse();
        assertThat(teacher.readsReports()).isFalse();
        assertThat(account(school, "student-01", Role.STUDENT).readsReports()).isFalse();
    }

    private Account propose(String username) {
        return Account.proposeCounsellor(admin, username, "hash-of-admin-choice", "New Counsellor", null, "en", NOW);
    }

    private static Account account(School school, String username, Role role) {
        return new Account(school, username, "hash-of-admin-choice", role, username, null, "en", NOW);
    }
}
