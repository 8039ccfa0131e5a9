package org.dodam.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.lti.domain.PlatformRegistration;
import org.dodam.platform.DodamException;
import org.junit.jupiter.api.Test;

/** A registration's rules (addresses, deployments), and which LTI roles make a student or a teacher. */
class PlatformRegistrationTest {

    @Test
    void addressesMustBeHttpsExceptOnThisMachine() {
        assertThat(PlatformRegistration.acceptableAddress("https://moodle.school.example/mod/lti/auth.php"))
                .isTrue();
        assertThat(PlatformRegistration.acceptableAddress("http://localhost:8081/auth"))
                .isTrue();
        assertThat(PlatformRegistration.acceptableAddress("http://127.0.0.1/auth"))
                .isTrue();
        assertThat(PlatformRegistration.acceptableAddress("http://moodle.school.example/auth"))
                .isFalse();
        assertThat(PlatformRegistration.acceptableAddress("https://user:pw@moodle.school.example/auth"))
                .isFalse();
        assertThat(PlatformRegistration.acceptableAddress("javascript:alert(1)"))
                .isFalse();
        assertThat(PlatformRegistration.acceptableAddress("/relative")).isFalse();
        assertThat(PlatformRegistration.acceptableAddress("https://moodle.school.example/auth#x"))
                .isFalse();
        assertThat(PlatformRegistration.acceptableAddress(" ")).isFalse();
    }

    @Test
    void aRegistrationNeedsOneToTwentyDeploymentsAndEveryField() {
        PlatformRegistration registration = new PlatformRegistration(
                7,
                " School Moodle ",
                "https://moodle.example",
                "abc",
                List.of("1", "2"),
                "https://moodle.example/auth",
                "https://moodle.example/token",
                "https://moodle.example/jwks",
                Instant.EPOCH);
        assertThat(registration.name()).isEqualTo("School Moodle");
        assertThat(registration.allowsDeployment("2")).isTrue();
        assertThat(registration.allowsDeployment("3")).isFalse();
        assertThat(registration.allowsDeployment(null)).isFalse();
        assertThat(registration.belongsTo(7)).isTrue();
        assertThatThrownBy(() -> new PlatformRegistration(
                        7,
                        "x",
                        "https://moodle.example",
                        "abc",
                        List.of(),
                        "https://moodle.example/auth",
                        "https://moodle.example/token",
                        "https://moodle.example/jwks",
                        Instant.EPOCH))
                .isInstanceOf(DodamException.class)
                .hasMessage("lti.registration.deploymentsCount");
        assertThatThrownBy(() -> new PlatformRegistration(
                        7,
                        "x",
                        "https://moodle.example",
                        " ",
                        List.of("1"),
                        "https://moodle.example/auth",
                        "https://moodle.example/token",
                        "https://moodle.example/jwks",
                        Instant.EPOCH))
                .isInstanceOf(DodamException.class)
                .hasMessage("lti.registration.clientIdInvalid");
        assertThatThrownBy(() -> new PlatformRegistration(
                        7,
                        "x",
                        "https://moodle.example",
                        "abc",
                        List.of("1"),
                        "http://moodle.example/auth",
                        "https://moodle.example/token",
                        "https://moodle.example/jwks",
                        Instant.EPOCH))
                .isInstanceOf(DodamException.class)
                .hasMessage("lti.registration.authUrlInvalid");
    }

    @Test
    void learnersAreStudentsInstructorsAndAssistantsTeachersAndNothingElseGetsIn() {
        String membership = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
        assertThat(LaunchRole.of(List.of(membership + "Learner"))).contains(LaunchRole.LEARNER);
        assertThat(LaunchRole.of(List.of("Learner"))).contains(LaunchRole.LEARNER);
        assertThat(LaunchRole.of(List.of(membership + "Instructor"))).contains(LaunchRole.INSTRUCTOR);
        assertThat(LaunchRole.of(
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")))
                .contains(LaunchRole.INSTRUCTOR);
        assertThat(LaunchRole.of(List.of(membership + "Learner", membership + "Instructor")))
                .contains(LaunchRole.INSTRUCTOR);
        assertThat(LaunchRole.of(List.of(
                        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
                        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")))
                .as("no admin from a launch")
                .isEmpty();
        assertThat(LaunchRole.of(List.of(membership + "Mentor", membership + "ContentDeveloper")))
                .isEmpty();
        assertThat(LaunchRole.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Instructor")))
                .isEmpty();
        assertThat(LaunchRole.of(List.of())).isEmpty();
        assertThat(LaunchRole.of(null)).isEmpty();
    }
}
