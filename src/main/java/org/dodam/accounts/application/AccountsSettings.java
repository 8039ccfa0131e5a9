package org.dodam.accounts.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dodam.accounts.domain.School;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * The accounts feature's settings: the operator's set-up of the first school, administrator and counsellor
 * ({@link SchoolSetup}), how strong a chosen password must be ({@link PasswordStrength}), and the sign-in failure
 * budgets ({@link SignInBudgets}). A set-up value of the wrong form (a username with spaces, a short password)
 * stops the start; whether the set-up values fit together, and the database, is {@link SchoolSetup}'s to say.
 */
@ApplicationScoped
public class AccountsSettings implements Settings {

    private static final String USERNAME = "a username of 3-40 letters, digits, . _ or -";
    private static final String PASSWORD =
            "a password of " + Passwords.MIN_LENGTH + "-" + Passwords.MAX_LENGTH + " characters";

    static final Setting<Optional<String>> SETUP_SCHOOL = Setting.optional(
            "dodam.setup.school",
            "a school name of 1-" + AccountRules.NAME_MAX + " characters, without < or >",
            rule(AccountRules::validName));
    static final Setting<String> SETUP_SCHOOL_CODE = Setting.of(
            "dodam.setup.school-code",
            "school",
            "a school code of 2-20 lower-case letters, digits or inner hyphens",
            rule(School::validCode));
    static final Setting<String> SETUP_COUNTRY = Setting.oneOf("dodam.setup.country", "KR", School.COUNTRIES);
    static final Setting<Optional<String>> SETUP_ADMIN =
            Setting.optional("dodam.setup.admin", USERNAME, rule(AccountRules::validUsername));
    static final Setting<Optional<String>> SETUP_ADMIN_PASSWORD = Setting.optional(
                    "dodam.setup.admin-password", PASSWORD, rule(AccountRules::validPassword))
            .secret();
    static final Setting<Optional<String>> SETUP_COUNSELLOR =
            Setting.optional("dodam.setup.counsellor", USERNAME, rule(AccountRules::validUsername));
    static final Setting<Optional<String>> SETUP_COUNSELLOR_PASSWORD = Setting.optional(
                    "dodam.setup.counsellor-password", PASSWORD, rule(AccountRules::validPassword))
            .secret();
    static final Setting<Optional<String>> SETUP_COUNSELLOR_EMAIL = Setting.optional(
            "dodam.setup.counsellor-email", "an e-mail address", rule(text -> text.matches("[^@\\s]+@[^@\\s]+")));

    static final Setting<Integer> STUDENT_SCORE = Setting.whole("dodam.password.student-score", 2, 0, 4);
    static final Setting<Integer> STAFF_SCORE = Setting.whole("dodam.password.staff-score", 3, 0, 4);

    static final Setting<Integer> ACCOUNT_FAILURES = Setting.whole("dodam.signin.account-failures", 5, 1, 1_000_000);
    static final Setting<Integer> CLIENT_FAILURES = Setting.whole("dodam.signin.client-failures", 20, 1, 1_000_000);
    static final Setting<Integer> ATTACK_FAILURES = Setting.whole("dodam.signin.attack-failures", 20, 1, 1_000_000);
    static final Setting<Integer> OVERALL_FAILURES = Setting.whole("dodam.signin.overall-failures", 200, 1, 1_000_000);
    static final Setting<Duration> WINDOW = Setting.seconds("dodam.signin.window-seconds", 900, 1);
    static final Setting<Duration> MAX_DELAY = Setting.seconds("dodam.signin.max-delay-seconds", 900, 1);
    /** A school day and then some: a session this old ends however busy it is. */
    static final Setting<Duration> SESSION_LIFETIME = Setting.seconds("dodam.signin.session-max-seconds", 43_200, 5);

    @Inject
    Config config;

    private Setup setup;
    private int studentScore;
    private int staffScore;
    private SignInBudgets.Allowances signIn;
    private Duration sessionLifetime;

    /** The operator's set-up, each value empty when unset. */
    public record Setup(
            Optional<String> school,
            String schoolCode,
            String country,
            Optional<String> admin,
            Optional<String> adminPassword,
            Optional<String> counsellor,
            Optional<String> counsellorPassword,
            Optional<String> counsellorEmail) {}

    @PostConstruct
    void read() {
        setup = new Setup(
                SETUP_SCHOOL.read(config),
                SETUP_SCHOOL_CODE.read(config),
                SETUP_COUNTRY.read(config),
                SETUP_ADMIN.read(config),
                SETUP_ADMIN_PASSWORD.read(config),
                SETUP_COUNSELLOR.read(config),
                SETUP_COUNSELLOR_PASSWORD.read(config),
                SETUP_COUNSELLOR_EMAIL.read(config));
        studentScore = STUDENT_SCORE.read(config);
        staffScore = STAFF_SCORE.read(config);
        signIn = new SignInBudgets.Allowances(
                ACCOUNT_FAILURES.read(config),
                CLIENT_FAILURES.read(config),
                ATTACK_FAILURES.read(config),
                OVERALL_FAILURES.read(config),
                WINDOW.read(config),
                MAX_DELAY.read(config));
        sessionLifetime = SESSION_LIFETIME.read(config);
    }

    /** The sign-in allowances with every setting at its default (for tests outside the container). */
    public static SignInBudgets.Allowances defaultAllowances() {
        return new SignInBudgets.Allowances(
                ACCOUNT_FAILURES.defaultValue(),
                CLIENT_FAILURES.defaultValue(),
                ATTACK_FAILURES.defaultValue(),
                OVERALL_FAILURES.defaultValue(),
                WINDOW.defaultValue(),
                MAX_DELAY.defaultValue());
    }

    public Setup setup() {
        return setup;
    }

    /** The zxcvbn score (0-4) a password a student chooses must reach. */
    public int studentScore() {
        return studentScore;
    }

    /** The zxcvbn score (0-4) a password a member of staff chooses must reach. */
    public int staffScore() {
        return staffScore;
    }

    public SignInBudgets.Allowances signIn() {
        return signIn;
    }

    /** The absolute lifetime of a signed-in session, counted from its creation (sign-in makes it). */
    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    private static Function<String, String> rule(Predicate<String> valid) {
        return text -> {
            if (!valid.test(text)) {
                throw new IllegalArgumentException("breaks the rule");
            }
            return text;
        };
    }
}
