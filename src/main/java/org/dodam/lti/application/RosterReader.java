package org.dodam.lti.application;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.lti.application.CourseRosters.Member;
import org.dodam.lti.application.CourseRosters.RosterTarget;
import org.dodam.lti.application.PlatformTokens.TokenRefused;
import org.dodam.lti.domain.LaunchRole;
import org.dodam.lti.domain.PlatformRegistration;

/**
 * Reads a course's roster from its platform (LTI Names and Role Provisioning Services 2.0) when one of its teachers
 * launches Dodam, in the background so the launch does not wait: the membership container page by page, following
 * the {@code Link: <…>; rel="next"} header (at most {@link #MAX_PAGES} pages), with a token of the roster scope
 * ({@link PlatformTokens}). Each page's active learners join the course's class at once ({@link CourseRosters}), so a
 * failure half-way keeps what was read; the next teacher launch after {@link CourseRosters#EVERY} reads it again.
 */
@ApplicationScoped
public class RosterReader {

    private static final Logger LOG = Logger.getLogger(RosterReader.class.getName());

    static final String MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    static final int MAX_PAGES = 100;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    @Resource
    ManagedExecutorService executor;

    @Inject
    CourseRosters rosters;

    @Inject
    PlatformTokens tokens;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Reads the course's roster soon, unless it was read a short while ago. */
    public void readSoon(long courseId) {
        executor.execute(() -> read(courseId));
    }

    void read(long courseId) {
        try {
            Optional<RosterTarget> target = rosters.claim(courseId);
            if (target.isPresent()) {
                int joined = readPages(target.get());
                LOG.info(() ->
                        "Read the roster of course " + courseId + ": " + joined + " student(s) joined its class.");
            }
        } catch (TokenRefused | IOException e) {
            LOG.warning(() -> "The roster of course " + courseId + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Reading the roster of course " + courseId + " failed", e);
        }
    }

    private int readPages(RosterTarget target) throws TokenRefused, IOException, InterruptedException {
        String token = tokens.accessToken(target.registration(), LaunchVerifier.ROSTER_SCOPE);
        String next = target.membershipsUrl();
        int joined = 0;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(next))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", MEMBERSHIP_TYPE)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokens.forget(target.registration(), LaunchVerifier.ROSTER_SCOPE);
            }
            if (response.statusCode() != 200) {
                throw new IOException("roster service: HTTP " + response.statusCode());
            }
            joined += rosters.addLearners(target, members(response.body()));
            next = next(response.headers().allValues("Link")).orElse(null);
        }
        return joined;
    }

    /** The members of one page of a membership container. */
    static List<Member> members(String json) throws IOException {
        try {
            List<Member> members = new ArrayList<>();
            for (Object entry : JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(json), "members")) {
                if (entry instanceof Map<?, ?> member) {
                    List<String> roles = member.get("roles") instanceof List<?> list
                            ? list.stream()
                                    .filter(String.class::isInstance)
                                    .map(String.class::cast)
                                    .toList()
                            : List.of();
                    Object status = member.get("status");
                    members.add(new Member(
                            member.get("user_id") instanceof String id ? id : null,
                            name(member),
                            LaunchRole.of(roles).orElse(null),
                            status == null || "Active".equals(status)));
                }
            }
            return members;
        } catch (ParseException | ClassCastException e) {
            throw new IOException("roster service: unreadable membership container");
        }
    }

    private static String name(Map<?, ?> member) {
        if (member.get("name") instanceof String name && !name.isBlank()) {
            return name;
        }
        String given = member.get("given_name") instanceof String g ? g : "";
        String family = member.get("family_name") instanceof String f ? f : "";
        String joined = (given + " " + family).strip();
        return joined.isEmpty() ? null : joined;
    }

    /** The next page's address from the Link headers, if it is one Dodam may fetch. */
    static Optional<String> next(List<String> links) {
        for (String header : links) {
            Matcher matcher = NEXT.matcher(header);
            while (matcher.find()) {
                String url = matcher.group(1).strip();
                if (PlatformRegistration.acceptableAddress(url)) {
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }
}
