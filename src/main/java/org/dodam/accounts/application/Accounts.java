package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dodam.accounts.application.CounsellorAccessChanged.Change;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.ClassMembership;
import org.dodam.accounts.domain.Role;
import org.dodam.accounts.domain.School;
import org.dodam.accounts.domain.SchoolClass;
import org.dodam.platform.DodamException;
import org.dodam.platform.LanguageChosen;
import org.dodam.platform.Languages;

/**
 * Creating and looking after accounts: school admins manage teachers and counsellors, teachers manage
 * their students, students join with a class code. Every method checks that the acting person may touch
 * the account: a teacher only students in their own classes, an admin only staff of their own school.
 *
 * <p>Counsellor accounts are guarded by the school's counsellors (see {@link Account}): an admin proposes one,
 * a counsellor who reads reports confirms it, resets a counsellor's password or reactivates one. Each such
 * change fires {@link CounsellorAccessChanged} in the same transaction, so whoever listens records it with it.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Classes classes;

    @Inject
    Clock clock;

    @Inject
    Event<CounsellorAccessChanged> counsellorAccess;

    @Inject
    PasswordStrength strength;

    @Inject
    PasswordNotices notices;

    /**
     * A password the server made for someone, returned once so the person who asked can pass it on, with what a
     * sign-in slip needs. {@code credentialsVersion} is the account's after the change: a later change (the
     * student choosing their own, another reset) tells that this password no longer works.
     */
    public record TemporaryPassword(
            long accountId,
            String displayName,
            String username,
            String locale,
            int credentialsVersion,
            String password) {
        @Override
        public String toString() {
            return "TemporaryPassword[" + username + "]"; // never the password itself, should it reach a log
        }
    }

    /** A school as other features need it: the reporting page shows its name and its country's help routes. */
    public record SchoolSummary(long id, String name, String country) {}

    /** Someone of a school as other features need them, e.g. a counsellor to write to ({@code email} null if none). */
    public record Person(long id, String displayName, String email, String locale) {}

    /** A person signed in by someone else's word (a learning platform): who they are, and the name they sign in with. */
    public record Caller(Actor actor, String username) {}

    /** The account of that username in that school (usernames are unique only within a school). */
    public Optional<Account> byUsername(School school, String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("school", school.id())
                .setParameter("username", AccountRules.normalizeUsername(username))
                .getResultStream()
                .findFirst();
    }

    /**
     * The school someone signs in to: the one named by its code, or, when the code is left out, the only school
     * of a server that holds just one (a school's own server, where nobody should have to type a code).
     */
    public Optional<School> schoolForSignIn(String code) {
        String typed = School.normalizeCode(code);
        if (typed.isEmpty()) {
            return hasOneSchool()
                    ? em.createQuery("select s from School s", School.class)
                            .getResultStream()
                            .findFirst()
                    : Optional.empty();
        }
        return em.createNamedQuery("School.byCode", School.class)
                .setParameter("code", typed)
                .getResultStream()
                .findFirst();
    }

    /** Whether the server holds a single school, so that sign-in need not ask which. */
    public boolean hasOneSchool() {
        return em.createNamedQuery("School.count", Long.class).getSingleResult() == 1;
    }

    /** The account that may sign in with this school code (see {@link #schoolForSignIn}) and username. */
    public Optional<Account> findForSignIn(String schoolCode, String username) {
        return schoolForSignIn(schoolCode)
                .flatMap(school -> byUsername(school, username))
                .filter(Account::active);
    }

    /**
     * The signed-in caller's account, by the name the identity store gave the container
     * ({@link DodamIdentityStore#callerName}): the account's id, since a username alone names nobody on a
     * server with several schools. Empty for a name that is no such id or an account no longer active.
     */
    public Optional<Account> byCaller(String callerName) {
        return DodamIdentityStore.accountId(callerName).flatMap(this::byId).filter(Account::active);
    }

    /** The person who signs in to that school with this username as other features know them, if active. */
    public Optional<Actor> findActor(String schoolCode, String username) {
        return findForSignIn(schoolCode, username).map(Actor::of);
    }

    /**
     * Whether the actor may read their school's reports, cases, statistics and audit log now: an active counsellor
     * whom a counsellor of the school confirmed ({@link Account#readsReports}). The actor does not carry it, so the
     * account is read again (from the shared cache), as it is at the start of every request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean readsReports(Actor actor) {
        return actor != null && byId(actor.id()).filter(Account::readsReports).isPresent();
    }

    /**
     * The signed-in person's account, found by the id kept in their session: read from the shared cache, so a
     * page costs no query for it. It must still be active and still be the caller the container signed in.
     */
    @Transactional(Transactional.TxType.SUPPORTS) // a read from the cache needs no transaction of its own
    public Optional<Account> signedIn(long id, String callerName) {
        return Optional.ofNullable(em.find(Account.class, id))
                .filter(a -> a.active() && DodamIdentityStore.callerName(a).equals(callerName));
    }

    /** Makes a school and returns its id; its code must be one no other school has ({@link School#CODE_PATTERN}). */
    public long createSchool(String name, String country, String code) {
        if (em.createNamedQuery("School.byCode", School.class)
                .setParameter("code", code)
                .getResultStream()
                .findAny()
                .isPresent()) {
            throw new DodamException("accounts.schoolCodeTaken", code);
        }
        School school = new School(name, country, code, clock.instant());
        em.persist(school);
        return school.id();
    }

    /**
     * Used when a school is set up; not reachable from any page. The password comes from the server's environment
     * (DODAM_SETUP_ADMIN_PASSWORD), so the admin replaces it with their own at first sign-in.
     */
    public Account createSchoolAdmin(
            long schoolId, String displayName, String username, String email, String password) {
        Account admin = create(
                em.find(School.class, schoolId),
                displayName,
                username,
                email,
                Role.SCHOOL_ADMIN,
                password,
                Languages.DEFAULT);
        admin.passwordGivenByAnother();
        return admin;
    }

    /**
     * A teacher, who replaces the admin's password with their own at first sign-in, or a counsellor who is only
     * proposed until a counsellor of the school confirms it (which gives it a start password in turn).
     */
    public Account createStaff(
            Account admin, String displayName, String username, String email, Role role, String password) {
        requireRole(admin, Role.SCHOOL_ADMIN);
        if (!role.isStaff()) {
            throw new DodamException("accounts.roleNotAllowed");
        }
        requirePassword(password);
        School school = em.find(School.class, admin.school().id());
        strength.require(password, role, username, displayName, email, school.name());
        if (role == Role.COUNSELLOR) {
            String normalized = checkNew(school, displayName, username, email);
            Account proposed = Account.proposeCounsellor(
                    em.find(Account.class, admin.id()),
                    normalized,
                    passwords.hash(password),
                    displayName.strip(),
                    cleanEmail(email),
                    admin.locale(),
                    clock.instant());
            em.persist(proposed);
            em.flush(); // the event carries the new account's id
            tell(admin, proposed, Change.PROPOSED);
            return proposed;
        }
        Account teacher = create(school, displayName, username, email, role, password, admin.locale());
        teacher.passwordGivenByAnother();
        return teacher;
    }

    /**
     * A counsellor who reads reports confirms a proposed counsellor of the school. Returns the new account's
     * first password, shown once to the confirming counsellor, who hands it over in person: the password the
     * admin chose stops working, and the new counsellor replaces this one with their own at next sign-in.
     */
    public String confirmCounsellor(Account counsellor, long accountId) {
        Account target = manageable(counsellor, accountId);
        String temporary = passwords.temporary();
        target.confirmBy(em.find(Account.class, counsellor.id()), passwords.hash(temporary));
        tell(counsellor, target, Change.CONFIRMED);
        return temporary;
    }

    /** The school's counsellor accounts, proposed ones first, for a counsellor who reads reports. */
    public List<Account> counsellorsOf(Account counsellor) {
        if (counsellor == null || !counsellor.readsReports()) {
            throw DodamException.notFound();
        }
        return em.createNamedQuery("Account.counsellorsOfSchool", Account.class)
                .setParameter("schoolId", counsellor.school().id())
                .getResultList();
    }

    /**
     * The operator's set-up of a counsellor for a school with no active counsellor (DODAM_SETUP_COUNSELLOR at
     * start-up): creates the account, or restores the school's existing counsellor account of that username
     * with the new password. Returns false, changing nothing, when the username belongs to anyone else there.
     * The password sits in the server's environment, so the counsellor replaces it at next sign-in.
     */
    public boolean setUpCounsellor(School school, String username, String password, String email) {
        requirePassword(password);
        School managed = em.merge(school);
        Optional<Account> existing = byUsername(managed, username);
        Account counsellor;
        if (existing.isPresent()) {
            counsellor = existing.get();
            if (counsellor.role() != Role.COUNSELLOR) {
                return false;
            }
            counsellor.restoreCounsellorByOperator(passwords.hash(password));
        } else {
            counsellor = create(managed, "Counsellor", username, email, Role.COUNSELLOR, password, Languages.DEFAULT);
            counsellor.passwordGivenByAnother();
            em.flush();
        }
        counsellorAccess.fire(new CounsellorAccessChanged(
                managed.id(),
                null,
                counsellor.id(),
                counsellor.username(),
                counsellor.displayName(),
                Change.SET_UP_BY_OPERATOR));
        return true;
    }

    /**
     * A teacher adds a student with a temporary password: one the server makes, or one from the teacher's class
     * list. Either way the student chooses their own at first sign-in.
     */
    public TemporaryPassword createStudent(
            Account teacher, long classId, String displayName, String username, String password) {
        SchoolClass schoolClass = classes.activeClassOf(Actor.of(teacher), classId);
        String temporary = password == null || password.isBlank() ? passwords.temporary() : password;
        Account student =
                create(schoolClass.school(), displayName, username, null, Role.STUDENT, temporary, teacher.locale());
        student.passwordGivenByTeacher();
        em.persist(new ClassMembership(schoolClass, student, clock.instant()));
        return new TemporaryPassword(
                student.id(),
                student.displayName(),
                student.username(),
                student.locale(),
                student.credentialsVersion(),
                temporary);
    }

    /**
     * Someone whose password another person set (a student's teacher; for staff the admin, a counsellor or the
     * operator) replaces it with one of their own, which must be hard enough to guess for their role and not the
     * given one. The current password is not asked for again: a session in this state was begun with it, since
     * setting it ended every older session. Returns the account, whose new credentials version the caller keeps in
     * the person's own session; every other session ends. Staff are told by e-mail as after any change of their own.
     */
    public Account chooseOwnPassword(Account person, String newPassword) {
        Account account = em.find(Account.class, person.id());
        if (account == null || !account.active()) {
            throw DodamException.notFound();
        }
        if (!account.mustChoosePassword()) {
            throw new DodamException("password.choose.notNeeded");
        }
        requirePassword(newPassword);
        if (passwords.matches(newPassword, account.passwordHash())) {
            throw new DodamException(
                    account.role() == Role.STUDENT ? "password.choose.sameAsTemporary" : "password.choose.sameAsGiven");
        }
        strength.require(
                newPassword,
                account.role(),
                account.username(),
                account.displayName(),
                account.school().name());
        account.chooseOwnPassword(passwords.hash(newPassword));
        if (account.role() != Role.STUDENT) {
            notices.tell(account, PasswordNotices.How.CHANGED_BY_OWNER);
        }
        return account;
    }

    /**
     * A member of staff replaces their own password, proving first that they know the current one (a session left
     * open on a shared computer must not be enough to take the account). The new one is judged like any password
     * staff choose. Returns the account, whose new credentials version the caller keeps in this session; every
     * other session, begun with the old password, ends.
     */
    public Account changeOwnPassword(Account staff, String currentPassword, String newPassword) {
        Account account = em.find(Account.class, staff.id());
        if (account == null || !account.active() || account.role() == Role.STUDENT) {
            throw DodamException.notFound(); // school admins too: Role.isStaff names only those an admin adds
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw new DodamException("password.change.currentWrong");
        }
        requirePassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new DodamException("password.change.same");
        }
        strength.require(
                newPassword,
                account.role(),
                account.username(),
                account.displayName(),
                account.school().name());
        account.changePassword(passwords.hash(newPassword));
        notices.tell(account, PasswordNotices.How.CHANGED_BY_OWNER);
        return account;
    }

    /**
     * Of these temporary passwords, the ones that still work for students the teacher teaches: the student has not
     * chosen their own since, and no one has reset it again. Sign-in slips print only these.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TemporaryPassword> stillTemporary(Account teacher, List<TemporaryPassword> issued) {
        return issued.stream()
                .filter(t -> {
                    Account student = em.find(Account.class, t.accountId());
                    return student != null
                            && student.active()
                            && student.mustChoosePassword()
                            && student.credentialsVersion() == t.credentialsVersion()
                            && classes.teaches(teacher, student);
                })
                .toList();
    }

    /**
     * A student or teacher who signs in through their school's learning platform (LTI), made on their first arrival.
     * The account has a generated username ({@code lti-} and ten random characters), no e-mail address and no
     * password anyone knows ({@link Passwords#unusable}): the platform vouches for the person at every launch.
     * A teacher may still reset such a student's password later, which gives them a start password like any student.
     */
    public Caller createSignedInElsewhere(long schoolId, String displayName, Role role, String locale) {
        if (role != Role.STUDENT && role != Role.TEACHER) {
            throw new DodamException("accounts.roleNotAllowed");
        }
        School school = em.find(School.class, schoolId);
        if (school == null) {
            throw DodamException.notFound();
        }
        String username = "lti-" + passwords.temporary();
        String name = AccountRules.validName(displayName) ? displayName.strip() : username;
        Account account = insert(school, name, username, null, role, passwords.unusable(), Languages.orDefault(locale));
        em.flush(); // the account's id
        return new Caller(Actor.of(account), account.username());
    }

    /** An active account as a person signed in elsewhere; empty for an account that is unknown or suspended. */
    public Optional<Caller> activeCaller(long accountId) {
        return byId(accountId).filter(Account::active).map(a -> new Caller(Actor.of(a), a.username()));
    }

    public Optional<Account> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** A student creates their own account with the join code a teacher gave the class. */
    public Account joinClass(String joinCode, String displayName, String username, String password) {
        SchoolClass schoolClass =
                classes.byJoinCode(joinCode).orElseThrow(() -> new DodamException("accounts.joinCodeUnknown"));
        requirePassword(password);
        strength.require(
                password,
                Role.STUDENT,
                username,
                displayName,
                schoolClass.school().name(),
                joinCode);
        Account student =
                create(schoolClass.school(), displayName, username, null, Role.STUDENT, password, Languages.DEFAULT);
        em.persist(new ClassMembership(schoolClass, student, clock.instant()));
        return student;
    }

    /**
     * Gives the account a new temporary password, returned once so the actor can pass it on; the person, student
     * or staff, then chooses their own at next sign-in.
     */
    public TemporaryPassword resetPassword(Account actor, long accountId) {
        Account target = manageable(actor, accountId);
        String temporary = passwords.temporary();
        target.resetPasswordBy(actor, passwords.hash(temporary));
        if (target.role().isStaff()) {
            notices.tell(target, PasswordNotices.How.RESET_BY_ADMIN);
        }
        if (target.role() == Role.COUNSELLOR) {
            tell(actor, target, Change.PASSWORD_RESET);
        }
        return new TemporaryPassword(
                target.id(),
                target.displayName(),
                target.username(),
                target.locale(),
                target.credentialsVersion(),
                temporary);
    }

    /**
     * The admin suspends or reactivates staff; a counsellor who reads reports reactivates a counsellor. An admin's
     * reactivation of a counsellor is refused (see {@link Account#reactivateBy}); suspending one is not, since it
     * only takes access away, and the school's counsellors are told.
     */
    public void setActive(Account actor, long accountId, boolean active) {
        if (actor == null || actor.role() != Role.SCHOOL_ADMIN && actor.role() != Role.COUNSELLOR) {
            throw DodamException.notFound(); // a teacher neither suspends nor reactivates anyone
        }
        Account target = manageable(actor, accountId);
        if (active) {
            target.reactivateBy(actor);
        } else {
            requireRole(actor, Role.SCHOOL_ADMIN);
            target.deactivate();
        }
        if (target.role() == Role.COUNSELLOR) {
            tell(actor, target, active ? Change.REACTIVATED : Change.SUSPENDED);
        }
    }

    /** Saves a signed-in person's language switch on their account. */
    void onLanguageChosen(@Observes LanguageChosen chosen) {
        preferLocale(chosen.caller(), chosen.language());
    }

    public void preferLocale(String callerName, String locale) {
        if (!Languages.supported(locale)) {
            throw new DodamException("error.invalidLocale");
        }
        byCaller(callerName).ifPresent(account -> account.preferLocale(locale));
    }

    public List<Account> staffOf(Account admin) {
        requireRole(admin, Role.SCHOOL_ADMIN);
        return em.createNamedQuery("Account.staffOfSchool", Account.class)
                .setParameter("school", em.find(School.class, admin.school().id()))
                .setParameter("roles", List.of(Role.TEACHER, Role.COUNSELLOR))
                .getResultList();
    }

    public Optional<SchoolSummary> school(long schoolId) {
        return Optional.ofNullable(em.find(School.class, schoolId))
                .map(s -> new SchoolSummary(s.id(), s.name(), s.country()));
    }

    public List<Long> schoolIds() {
        return em.createQuery("select s.id from School s order by s.id", Long.class)
                .getResultList();
    }

    /** The active accounts of one role in a school, e.g. the counsellors to tell about a new report. */
    public List<Person> activeInSchool(long schoolId, Role role) {
        return em.createNamedQuery("Account.byRoleInSchool", Account.class)
                .setParameter("schoolId", schoolId)
                .setParameter("role", role)
                .getResultStream()
                .map(a -> new Person(a.id(), a.displayName(), a.email(), a.locale()))
                .toList();
    }

    /** Display names of a school's accounts by id, for pages that show who did what; asking for null gives null. */
    public java.util.Map<Long, String> namesInSchool(long schoolId, java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select a from Account a where a.school.id = :school and a.id in :ids", Account.class)
                    .setParameter("school", schoolId)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .forEach(a -> names.put(a.id(), a.displayName()));
        }
        return names;
    }

    /** An account the actor may look after, or not-found: staff for their school's admin, students for their teachers. */
    private Account manageable(Account actor, long accountId) {
        Account target = em.find(Account.class, accountId);
        if (target == null || !target.school().id().equals(actor.school().id())) {
            throw DodamException.notFound();
        }
        boolean allowed = switch (actor.role()) {
            case SCHOOL_ADMIN -> target.role().isStaff();
            case TEACHER -> target.role() == Role.STUDENT && classes.teaches(actor, target);
            case COUNSELLOR -> actor.readsReports() && target.role() == Role.COUNSELLOR;
            default -> false;
        };
        if (!allowed) {
            throw DodamException.notFound();
        }
        return target;
    }

    /**
     * Adds an account whose password hash was made by {@link Passwords} beforehand, without the checks of
     * who may add whom, to the class {@code joinsClassId} when not null. Only for seeding data at start-up (the demo
     * school hashes its one password once).
     */
    public Actor seed(
            long schoolId,
            String displayName,
            String username,
            String email,
            Role role,
            String passwordHash,
            Long joinsClassId) {
        Account account = insert(
                em.find(School.class, schoolId), displayName, username, email, role, passwordHash, Languages.DEFAULT);
        if (joinsClassId != null) {
            em.persist(new ClassMembership(em.find(SchoolClass.class, joinsClassId), account, clock.instant()));
        }
        return Actor.of(account);
    }

    private Account create(
            School school,
            String displayName,
            String username,
            String email,
            Role role,
            String password,
            String locale) {
        requirePassword(password);
        return insert(
                school, displayName, username, email, role, password == null ? null : passwords.hash(password), locale);
    }

    private Account insert(
            School school,
            String displayName,
            String username,
            String email,
            Role role,
            String passwordHash,
            String locale) {
        String normalized = checkNew(school, displayName, username, email);
        Account account = new Account(
                school,
                normalized,
                passwordHash,
                role,
                displayName.strip(),
                cleanEmail(email),
                locale,
                clock.instant());
        em.persist(account);
        return account;
    }

    /**
     * Checks a new account's name, username and e-mail address; returns the username as it is stored. The
     * username need only be free in its own school, so the answer tells nothing about other schools.
     */
    private String checkNew(School school, String displayName, String username, String email) {
        if (!AccountRules.validName(displayName)) {
            throw new DodamException("accounts.nameInvalid");
        }
        String normalized = AccountRules.normalizeUsername(username);
        if (!AccountRules.validUsername(normalized)) {
            throw new DodamException("accounts.usernameInvalid");
        }
        if (email != null
                && !email.isBlank()
                && (email.length() > 254 || !email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+"))) {
            throw new DodamException("accounts.emailInvalid");
        }
        Long taken = em.createNamedQuery("Account.countByUsername", Long.class)
                .setParameter("school", school.id())
                .setParameter("username", normalized)
                .getSingleResult();
        if (taken > 0) {
            throw new DodamException("accounts.usernameTaken", normalized);
        }
        return normalized;
    }

    private static String cleanEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private void tell(Account actor, Account counsellor, Change change) {
        counsellorAccess.fire(new CounsellorAccessChanged(
                counsellor.school().id(),
                actor.id(),
                counsellor.id(),
                counsellor.username(),
                counsellor.displayName(),
                change));
    }

    private static void requirePassword(String password) {
        if (!AccountRules.validPassword(password)) {
            throw new DodamException("accounts.passwordInvalid", Passwords.MIN_LENGTH, Passwords.MAX_LENGTH);
        }
    }

    private static void requireRole(Account actor, Role role) {
        if (actor == null || actor.role() != role) {
            throw DodamException.notFound();
        }
    }
}
