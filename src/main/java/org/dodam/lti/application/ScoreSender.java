package org.dodam.lti.application;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dodam.lti.application.GradePassback.Outgoing;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.lti.application.PlatformTokens.TokenRefused;
import org.dodam.platform.ApplicationStartup.DatabaseReady;

/**
 * Sends the scores of {@link GradePassback}'s outbox to the platforms' score services (LTI Assignment and Grade
 * Services 2.0, "Score publish service"): every {@code DODAM_LTI_PASSBACK_EVERY_SECONDS} each instance takes the due
 * rows one by one with a lease, posts each to its line item's {@code /scores} address with a token of the score scope
 * ({@link PlatformTokens}), and records the answer. A score the platform did not take is tried again later with a
 * growing wait, after a restart too, since the row is in the database; a lease that ran out (an instance died while
 * sending) lets another instance send it.
 */
@ApplicationScoped
public class ScoreSender {

    private static final Logger LOG = Logger.getLogger(ScoreSender.class.getName());

    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    /** How long an instance holds a score it is sending: longer than the two requests' time-outs together. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    GradePassback passback;

    @Inject
    PlatformTokens tokens;

    @Inject
    LtiSettings settings;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private ScheduledFuture<?> task;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.SETUP + 30) DatabaseReady ready) {
        long every = settings.passbackEvery().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    void sendDue() {
        try {
            for (long id : passback.due(BATCH)) {
                passback.claim(id, LEASE).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sending scores to learning platforms failed: {0}", e.toString());
        }
    }

    private void send(Outgoing score) {
        Registration registration = score.registration();
        try {
            String token = tokens.accessToken(registration, LaunchVerifier.SCORE_SCOPE);
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(scoresAddress(score.lineItemUrl()))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", SCORE_TYPE)
                            .POST(HttpRequest.BodyPublishers.ofString(body(score)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                passback.sent(score.id());
                return;
            }
            if (response.statusCode() == 401) {
                tokens.forget(registration, LaunchVerifier.SCORE_SCOPE);
            }
            fail(score, "score service: HTTP " + response.statusCode());
        } catch (TokenRefused e) {
            fail(score, e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            fail(score, "score service: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(score, "interrupted");
        }
    }

    private void fail(Outgoing score, String error) {
        LOG.warning(() -> "A score for line item " + score.lineItemUrl() + " was not taken (" + error
                + "); it will be tried again.");
        passback.failed(score.id(), error, settings.passbackRetry());
    }

    /** The score body: the attempt's percentage, completed and fully graded, stamped with the moment it finished. */
    static String body(Outgoing score) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", score.userId());
        body.put("scoreGiven", score.scoreGiven());
        body.put("scoreMaximum", 100);
        body.put("activityProgress", "Completed");
        body.put("gradingProgress", "FullyGraded");
        body.put("timestamp", score.finishedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        return JSONObjectUtils.toJSONString(body);
    }

    /** The line item's score address: {@code /scores} after its path, its query kept ({@code …/lineitem/scores?type_id=2}). */
    static URI scoresAddress(String lineItem) {
        try {
            URI uri = new URI(lineItem);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority()
                    + (path.endsWith("/") ? path + "scores" : path + "/scores") + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a line item address", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
