package org.dodam.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.dodam.accounts.application.CurrentUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency arrows of the README's architecture section, checked on the compiled classes: features
 * own their pages, no two features reach each other in a loop, and {@code platform} knows no feature.
 * {@code accounts} (identity) depends on the platform only; {@code content} on the platform and accounts;
 * the learning features ({@code quizzes}, {@code lessons}, {@code assignments}, {@code progress}) on those
 * and on each other without loops, and never on {@code reports}, which depends on none of them. {@code demo}
 * may use everything, and nothing uses it. {@code lti} (launches from a school's learning platform) sits on top: it
 * uses accounts and content, no feature uses it, and it and {@code reports} never meet, so a report cannot learn a
 * platform identity. Inside a feature, {@code domain} knows neither {@code application}
 * nor {@code web}, and {@code application} does not know {@code web}. Other features know the person acting as
 * accounts' {@code Actor}, never as one of accounts' entities.
 */
class ArchitectureTest {

    static final String[] FEATURES = {
        "org.dodam.accounts..",
        "org.dodam.content..",
        "org.dodam.lessons..",
        "org.dodam.quizzes..",
        "org.dodam.assignments..",
        "org.dodam.progress..",
        "org.dodam.reports..",
        "org.dodam.demo..",
        "org.dodam.lti.."
    };
    static final String[] LEARNING = {
        "org.dodam.lessons..", "org.dodam.quizzes..", "org.dodam.assignments..", "org.dodam.progress.."
    };

    static final ArchRule NO_LOOPS = slices().matching("org.dodam.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature that reaches another which reaches it back cannot be read or changed alone");

    static final ArchRule ONLY_ACCOUNTS_TAKE_THE_SIGNED_IN_ACCOUNT = noClasses()
            .that()
            .resideOutsideOfPackage("org.dodam.accounts..")
            .should()
            .callMethod(CurrentUser.class, "require")
            .because("CurrentUser.require() hands out the account entity, for accounts' own pages; every other feature"
                    + " takes requireActor(), and passing require()'s result straight on would not show as a"
                    + " dependency on the entity");

    static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dodam");
    }

    @Test
    void noFeatureReachesAnotherThatReachesItBack() {
        NO_LOOPS.check(classes);
    }

    @Test
    void theLoopRuleCatchesAPlantedLoop() {
        JavaClasses planted = new ClassFileImporter().importPackages("org.dodam.architecture.planted");
        assertThat(slices().matching("org.dodam.architecture.planted.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .evaluate(planted)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.dodam.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void accountsKnowsNoOtherFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.dodam.accounts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(without(FEATURES, "org.dodam.accounts.."))
                .check(classes);
    }

    @Test
    void contentKnowsOnlyAccounts() {
        noClasses()
                .that()
                .resideInAPackage("org.dodam.content..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(without(FEATURES, "org.dodam.content..", "org.dodam.accounts.."))
                .check(classes);
    }

    @Test
    void learningAndReportsNeverMeet() {
        noClasses()
                .that()
                .resideInAnyPackage(LEARNING)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dodam.reports..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.dodam.reports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LEARNING)
                .check(classes);
    }

    @Test
    void ltiAndReportsNeverMeet() {
        noClasses()
                .that()
                .resideInAPackage("org.dodam.lti..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dodam.reports..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.dodam.reports..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dodam.lti..")
                .check(classes);
    }

    @Test
    void noFeatureUsesLti() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.dodam.lti..", "org.dodam.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dodam.lti..")
                .because("LTI is one way in among others: the features it uses must not depend on it")
                .check(classes);
    }

    @Test
    void nothingUsesTheDemo() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dodam.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dodam.demo..")
                .check(classes);
    }

    @Test
    void otherFeaturesKnowThePersonActingAsAnActorNotAnAccount() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dodam.accounts..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.dodam.accounts.domain..").and(annotatedWith(Entity.class)))
                .because(
                        "another feature knows the person acting by accounts' Actor (id, school, role, language) and asks"
                                + " accounts by id for anything more: a detached entity would tie its code to accounts' tables and"
                                + " let it read, or lazily load, what accounts never meant to hand out")
                .check(classes);
    }

    @Test
    void onlyAccountsOwnPagesTakeTheSignedInAccount() {
        ONLY_ACCOUNTS_TAKE_THE_SIGNED_IN_ACCOUNT.check(classes);
    }

    @Test
    void theAccountRuleCatchesAPlantedPageThatTakesTheAccount() {
        JavaClasses planted = new ClassFileImporter().importPackages("org.dodam.architecture.planted.account");
        assertThat(ONLY_ACCOUNTS_TAKE_THE_SIGNED_IN_ACCOUNT.evaluate(planted).hasViolation())
                .isTrue();
    }

    @Test
    void domainKnowsNoApplicationAndNoPages() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..application..", "..web..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..web..")
                .check(classes);
    }

    private static String[] without(String[] all, String... removed) {
        return java.util.Arrays.stream(all)
                .filter(p -> !java.util.List.of(removed).contains(p))
                .toArray(String[]::new);
    }
}
