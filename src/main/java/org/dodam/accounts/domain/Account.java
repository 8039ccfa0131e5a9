package org.dodam.accounts.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.dodam.platform.DodamException;

/**
 * A person who signs in. Students have no e-mail address: a teacher creates them, or they join with
 * a class code, and a teacher can reset their password. Usernames are unique across the installation
 * and stored lower-case.
 *
 * <p>Counsellors read reports, so no single person may grant that: a counsellor a school admin adds is only
 * <em>proposed</em> ({@link #proposeCounsellor}) and reads no report until a counsellor of the same school who
 * already does confirms it ({@link #confirmBy}), which also gives it a password the admin never saw. For the
 * same reason only such a counsellor may reset a counsellor's password or reactivate a counsellor
 * ({@link #requireGuardianOf}); suspending one takes access away and stays open to the admin. Every change of
 * password or confirmation raises {@link #credentialsVersion}, which ends the sessions begun before it.
 *
 * <p>A password someone else set is only a start password (ASVS 2.3.1): a student's that a teacher set (adding the
 * student, importing a class list) or reset, and a member of staff's that the school admin set (adding a teacher),
 * an admin or counsellor reset, a counsellor gave at confirmation or the operator set at start-up. The person must
 * choose their own at next sign-in ({@link #mustChoosePassword}), and until then their only page is their
 * role's password page ({@link #choosePasswordPage}). The password they choose is never shown to anyone.
 */
@Entity
@Table(name = "account")
@Cacheable // read on every signed-in request (CurrentUser); every change goes through JPA, which keeps the cache true
@NamedQuery(
        name = "Account.byUsername",
        query = "select a from Account a join fetch a.school where a.school.id = :school and a.username = :username")
@NamedQuery(
        name = "Account.staffOfSchool",
        query = "select a from Account a where a.school = :school and a.role in :roles order by a.role, a.displayName")
@NamedQuery(
        name = "Account.byRoleInSchool",
        query = "select a from Account a where a.school.id = :schoolId and a.role = :role and a.active = true"
                + " and a.awaitingConfirmation = false")
@NamedQuery(
        name = "Account.counsellorsOfSchool",
        query =
                "select a from Account a where a.school.id = :schoolId and a.role = org.dodam.accounts.domain.Role.COUNSELLOR"
                        + " order by a.awaitingConfirmation desc, a.active desc, a.displayName")
@NamedQuery(
        name = "Account.countByUsername",
        query = "select count(a) from Account a where a.school.id = :school and a.username = :username")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @Column(nullable = false, length = 40)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A counsellor proposed by a school admin that no counsellor of the school has confirmed yet. */
    @Column(name = "awaiting_confirmation", nullable = false)
    private boolean awaitingConfirmation;

    /** Raised whenever the password changes or access is confirmed; a session begun under an older one ends. */
    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    /** Someone whose password another person set or reset, who must choose their own before anything else. */
    @Column(name = "must_choose_password", nullable = false)
    private boolean mustChoosePassword;

    /** The home page, and the only page, of a counsellor awaiting confirmation. */
    public static final String AWAITING_CONFIRMATION_PAGE = "/counsellor/awaiting.xhtml";

    /** The home page, and the only page, of a student who must choose their own password. */
    public static final String CHOOSE_PASSWORD_PAGE = "/student/password.xhtml";

    /** Where staff choose or change their own password: the page of the same name in each staff folder. */
    private static final String PASSWORD_PAGE = "password.xhtml";

    protected Account() {}

    public Account(
            School school,
            String username,
            String passwordHash,
            Role role,
            String displayName,
            String email,
            String locale,
            Instant createdAt) {
        this.school = Objects.requireNonNull(school, "school");
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        this.locale = Objects.requireNonNull(locale, "locale");
        this.active = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A counsellor account proposed by the school's admin: it may sign in, but reads no report, case,
     * statistic or audit line until {@link #confirmBy confirmed}.
     */
    public static Account proposeCounsellor(
            Account admin,
            String username,
            String passwordHash,
            String displayName,
            String email,
            String locale,
            Instant createdAt) {
        Objects.requireNonNull(admin, "admin");
        if (admin.role != Role.SCHOOL_ADMIN || !admin.active) {
            throw DodamException.notFound();
        }
        Account proposed = new Account(
                admin.school, username, passwordHash, Role.COUNSELLOR, displayName, email, locale, createdAt);
        proposed.awaitingConfirmation = true;
        return proposed;
    }

    /**
     * An active counsellor of the same school, who reads reports, confirms this proposed counsellor. The
     * password the admin chose is replaced by {@code newHash}, whose password only the confirming counsellor
     * sees and hands over, and sessions begun with the old one end.
     */
    public void confirmBy(Account counsellor, String newHash) {
        Objects.requireNonNull(newHash, "newHash");
        if (!awaitingConfirmation || !active) {
            throw new DodamException("accounts.counsellor.notAwaiting");
        }
        if (counsellor == this
                || id != null && id.equals(counsellor.id)
                || !counsellor.readsReports()
                || !sameSchool(counsellor)) {
            throw new DodamException("accounts.counsellor.confirmNotAllowed");
        }
        awaitingConfirmation = false;
        changePassword(newHash);
        mustChoosePassword = true; // the confirming counsellor saw it
    }

    /**
     * Refuses, with a message the actor can read, anyone but an active counsellor of the same school who reads
     * reports when this account is a counsellor: an admin who could reset a counsellor's password or bring back
     * a suspended one could read every report. Other accounts are not guarded here.
     */
    public void requireGuardianOf(Account actor) {
        if (role == Role.COUNSELLOR && (!actor.readsReports() || !sameSchool(actor))) {
            throw new DodamException("accounts.counsellor.guarded");
        }
    }

    /**
     * A new password chosen or reset by someone allowed to ({@link #requireGuardianOf} for counsellors). Whoever
     * it is, student or staff, then chooses their own at next sign-in.
     */
    public void resetPasswordBy(Account actor, String newHash) {
        requireGuardianOf(actor);
        changePassword(newHash);
        mustChoosePassword = true;
    }

    /** A teacher gave this new student their first password: the student replaces it at first sign-in. */
    public void passwordGivenByTeacher() {
        if (role != Role.STUDENT) {
            throw new DodamException("accounts.roleNotAllowed");
        }
        mustChoosePassword = true;
    }

    /**
     * Someone else gave this new member of staff their first password: the school admin adding a teacher, or the
     * operator's set-up at start-up (typed into the server's environment). They replace it at first sign-in.
     */
    public void passwordGivenByAnother() {
        if (role == Role.STUDENT) {
            throw new DodamException("accounts.roleNotAllowed"); // a student's comes from a teacher
        }
        mustChoosePassword = true;
    }

    /**
     * The person replaces the password someone else gave them with one of their own. It raises the credentials
     * version like every change, so any other session begun with the given password ends.
     */
    public void chooseOwnPassword(String newHash) {
        if (!mustChoosePassword) {
            throw new DodamException("password.choose.notNeeded");
        }
        changePassword(newHash);
        mustChoosePassword = false;
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.credentialsVersion++;
    }

    /**
     * Replaces the stored hash with a stronger hash of the same password, made at a sign-in that checked
     * {@code checkedHash}, if that is still the stored one. The password is the same, so the credentials version
     * stays and no session ends. False when the hash changed meanwhile (a new password wins).
     */
    public boolean rehashPassword(String checkedHash, String strongerHash) {
        if (!passwordHash.equals(checkedHash)) {
            return false;
        }
        this.passwordHash = Objects.requireNonNull(strongerHash, "strongerHash");
        return true;
    }

    public void preferLocale(String newLocale) {
        this.locale = Objects.requireNonNull(newLocale, "newLocale");
    }

    public void deactivate() {
        this.active = false;
    }

    /** Brings back a suspended account; a counsellor only by a counsellor of the school who reads reports. */
    public void reactivateBy(Account actor) {
        requireGuardianOf(actor);
        this.active = true;
    }

    /**
     * The operator's way back for a school left without a counsellor who reads reports (DODAM_SETUP_COUNSELLOR
     * on a restart): this counsellor becomes active and confirmed with a new password. Only the set-up at
     * start-up calls it, never a page; it is a different trust boundary from the school admin.
     */
    public void restoreCounsellorByOperator(String newHash) {
        if (role != Role.COUNSELLOR) {
            throw new DodamException("accounts.roleNotAllowed");
        }
        this.active = true;
        this.awaitingConfirmation = false;
        changePassword(newHash);
        mustChoosePassword = true; // it sits in the server's environment, which is no place for a password to stay
    }

    /** Whether this account may read its school's reports, cases, statistics and audit log. */
    public boolean readsReports() {
        return role == Role.COUNSELLOR && active && !awaitingConfirmation;
    }

    /**
     * Where this person lands after signing in: their role's home, the waiting page of a proposed counsellor, or
     * the page where they choose their own password ({@link #choosePasswordPage}).
     */
    public String homePath() {
        return awaitingConfirmation
                ? AWAITING_CONFIRMATION_PAGE
                : mustChoosePassword ? choosePasswordPage() : role.homePath();
    }

    /**
     * The page where this person chooses their own password: {@link #CHOOSE_PASSWORD_PAGE} for a student, their
     * folder's password page for staff (where staff otherwise change it).
     */
    public String choosePasswordPage() {
        return role == Role.STUDENT ? CHOOSE_PASSWORD_PAGE : "/" + role.folder() + "/" + PASSWORD_PAGE;
    }

    public boolean mustChoosePassword() {
        return mustChoosePassword;
    }

    public boolean awaitingConfirmation() {
        return awaitingConfirmation;
    }

    public int credentialsVersion() {
        return credentialsVersion;
    }

    private boolean sameSchool(Account other) {
        return school == other.school || school.id() != null && school.id().equals(other.school.id());
    }

    public Long id() {
        return id;
    }

    public School school() {
        return school;
    }

    public String username() {
        return username;
    }

    /**
     * The name the sign-in failure budgets count this account's failures under, on the sign-in form and the
     * password pages alike: its school's code and its username, since a username is unique only within a school.
     */
    public String signInName() {
        return signInName(school.code(), username);
    }

    /** The same for a code and username as typed, whether or not they name an account. */
    public static String signInName(String schoolCode, String username) {
        return School.normalizeCode(schoolCode) + "/" + username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String locale() {
        return locale;
    }

    public boolean active() {
        return active;
    }
}
