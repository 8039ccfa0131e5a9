package org.dodam.lti.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.List;
import org.dodam.lti.application.GradePassback.Outgoing;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.junit.jupiter.api.Test;

/** What a score post looks like, and where it goes, as the Assignment and Grade Services specification says. */
class ScoreSenderTest {

    @Test
    void theScoresAddressFollowsTheLineItemsPathAndKeepsItsQuery() {
        assertThat(ScoreSender.scoresAddress("https://lms.example/api/lti/courses/3/line_items/9"))
                .hasToString("https://lms.example/api/lti/courses/3/line_items/9/scores");
        assertThat(ScoreSender.scoresAddress(
                        "https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1"))
                .hasToString("https://moodle.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1");
        assertThat(ScoreSender.scoresAddress("https://lms.example:8443/items/9/"))
                .hasToString("https://lms.example:8443/items/9/scores");
    }

    @Test
    void theBodyIsAFinishedFullyGradedPercentageStampedWhenTheQuizFinished() throws Exception {
        Registration registration = new Registration(
                1,
                1,
                "Moodle",
                "https://lms.example",
                "client",
                List.of("d"),
                "https://lms.example/auth",
                "https://lms.example/token",
                "https://lms.example/jwks",
                true);
        var body = JSONObjectUtils.parse(ScoreSender.body(new Outgoing(
                5,
                registration,
                "https://lms.example/items/9",
                "user-7",
                80,
                Instant.parse("2026-12-07T09:00:00.123456Z"))));
        assertThat(body)
                .containsEntry("userId", "user-7")
                .containsEntry("scoreGiven", 80L)
                .containsEntry("scoreMaximum", 100L)
                .containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded")
                .containsEntry("timestamp", "2026-12-07T09:00:00.123Z")
                .hasSize(6);
    }
}
