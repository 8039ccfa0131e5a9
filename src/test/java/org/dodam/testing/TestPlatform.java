package org.dodam.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A learning platform in the test code, doing what Moodle does when a course opens an LTI 1.3 tool: a real HTTP
 * server (the JDK's) with real RSA keys, signing with Nimbus. Several platforms (tenants) share one server, each
 * with its own issuer, client id, deployment, keys and key set, so that every test can have platforms of its own
 * and no key-set cache is shared between tests.
 *
 * <p>Its addresses use the host name {@code localhost} while Dodam is reached at {@code 127.0.0.1}: to a browser
 * they are two sites, so the platform's posts to Dodam are cross-site, as they are for a school.
 *
 * <p>Per tenant: {@code /<name>/course?user=<login hint>} is the course page, which posts the login initiation to
 * Dodam (as Moodle's launch page does); {@code /<name>/auth} is the OIDC authorization endpoint, which checks the
 * request Dodam sends and answers with a page that posts a signed id_token to the {@code redirect_uri};
 * {@code /<name>/jwks} is the public key set; {@code /<name>/token} gives access tokens for the client-credentials
 * grant to a client assertion that Dodam's published key set verifies; {@code /<name>/lineitems/<link>/lineitem/scores}
 * takes scores (Assignment and Grade Services), or answers a status the test chose.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String TEACHING_ASSISTANT =
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String SCORE_SCOPE = AGS + "score";
    public static final String ROSTER_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String ROSTER_SCOPE =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    public static final int ROSTER_PAGE = 2;
    public static final String DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    public static final String DEEP_LINKING_SETTINGS = DEEP_LINKING + "deep_linking_settings";
    public static final String INSTITUTION_ADMIN =
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    private final HttpServer server;
    private final String base;
    private volatile URI dodam;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    /** A person of the platform: who the course page launches, and what the id_token says of them. */
    public record Person(
            String sub,
            String name,
            List<String> roles,
            String contextId,
            String contextTitle,
            String targetLinkUri,
            Map<String, Object> custom,
            String locale) {

        public Person withRoles(String... newRoles) {
            return new Person(sub, name, List.of(newRoles), contextId, contextTitle, targetLinkUri, custom, locale);
        }
    }

    /** One platform: issuer, client id and deployment Dodam knows it by, and its keys. */
    public final class Tenant {
        private final String name;
        private final String clientId = "client-" + UUID.randomUUID();
        private final String deploymentId =
                "deployment-" + UUID.randomUUID().toString().substring(0, 8);
        private final List<RSAKey> published = new CopyOnWriteArrayList<>();
        private volatile RSAKey signing;
        private final Map<String, Person> people = new ConcurrentHashMap<>();
        private final List<Map<String, String>> authRequests = new CopyOnWriteArrayList<>();
        private volatile UnaryOperator<JWTClaimsSet.Builder> tamper = UnaryOperator.identity();
        private volatile boolean gradesOffered;
        private volatile boolean deepLinking;
        private volatile boolean framed;
        private volatile boolean acceptMultiple = true;
        private final List<JWTClaimsSet> deepLinkAnswers = new CopyOnWriteArrayList<>();
        private volatile int scoreStatus = 200;
        private final List<Map<String, Object>> scores = new CopyOnWriteArrayList<>();
        private final List<Integer> scoreAnswers = new CopyOnWriteArrayList<>();
        private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
        private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
        private volatile List<Map<String, Object>> roster;
        private final List<String> rosterRequests = new CopyOnWriteArrayList<>();

        private Tenant(String name) {
            this.name = name;
            signing = newKey();
            published.add(signing);
        }

        public String issuer() {
            return base + "/" + name;
        }

        public String clientId() {
            return clientId;
        }

        public String deploymentId() {
            return deploymentId;
        }

        public String authUrl() {
            return issuer() + "/auth";
        }

        public String tokenUrl() {
            return issuer() + "/token";
        }

        public String jwksUrl() {
            return issuer() + "/jwks";
        }

        /** The course page that launches Dodam for this person (the browser test's start). */
        public String coursePage(String loginHint) {
            return issuer() + "/course?user=" + loginHint;
        }

        public void person(String loginHint, Person person) {
            people.put(loginHint, person);
        }

        /** Every authorization request Dodam sent the browser with, as parameters. */
        public List<Map<String, String>> authRequests() {
            return List.copyOf(authRequests);
        }

        /**
         * Registers this platform in Dodam as the signed-in school admin does on the admin page's form (no browser, no
         * script); returns the page Dodam answered with.
         */
        public String registerIn(HttpSession admin, String registrationName) {
            String page = admin.get("admin/lti.xhtml").body();
            return admin.post(
                            "admin/lti.xhtml",
                            List.of(
                                    Map.entry("register", "register"),
                                    Map.entry("register:name", registrationName),
                                    Map.entry("register:issuer", issuer()),
                                    Map.entry("register:clientId", clientId),
                                    Map.entry("register:deployments", deploymentId),
                                    Map.entry("register:authUrl", authUrl()),
                                    Map.entry("register:tokenUrl", tokenUrl()),
                                    Map.entry("register:jwksUrl", jwksUrl()),
                                    Map.entry("register:submit", "x"),
                                    Map.entry("jakarta.faces.ViewState", HttpSession.viewState(page))))
                    .body();
        }

        /** Changes the next tokens the authorization endpoint signs, for tests of what Dodam refuses. */
        public void tamper(UnaryOperator<JWTClaimsSet.Builder> change) {
            tamper = change;
        }

        /**
         * A new signing key, published in the key set from now on; the old one stays published too, as a platform
         * rotating its keys does. Returns the new key's id.
         */
        public String rotate() {
            signing = newKey();
            published.add(signing);
            return signing.getKeyID();
        }

        /** A key the key set never shows: tokens it signs name a {@code kid} Dodam cannot find. */
        public RSAKey unpublishedKey() {
            return newKey();
        }

        public RSAKey signingKey() {
            return signing;
        }

        /** From now on launches carry the grade service claim: the resource link's line item, with the score scope. */
        public void offerGrades() {
            gradesOffered = true;
        }

        /**
         * From now on the authorization endpoint answers with deep linking requests (the teacher's "add an activity"),
         * taking several items or one.
         */
        public void deepLinking(boolean on, boolean multiple) {
            deepLinking = on;
            acceptMultiple = multiple;
        }

        /**
         * From now on launches say they open Dodam in the course page's frame ({@code document_target} iframe), as
         * Moodle's "embed" and Canvas do; {@link #framedCoursePage} is such a page.
         */
        public void launchesInFrame(boolean on) {
            framed = on;
        }

        /** A course page of the platform that holds the launch in an iframe. */
        public String framedCoursePage(String loginHint) {
            return issuer() + "/framed-course?user=" + loginHint;
        }

        public String deepLinkReturnUrl() {
            return issuer() + "/deep-link-return";
        }

        /** The verified deep linking responses Dodam's pages posted back. */
        public List<JWTClaimsSet> deepLinkAnswers() {
            return List.copyOf(deepLinkAnswers);
        }

        /** From now on launches offer the course's roster service, which lists these members. */
        public void roster(List<Map<String, Object>> members) {
            roster = List.copyOf(members);
        }

        /** The addresses of every roster page Dodam asked for. */
        public List<String> rosterRequests() {
            return List.copyOf(rosterRequests);
        }

        /** The status the score service answers from now on (200 takes scores; 503 is a platform that is down). */
        public void answerScoresWith(int status) {
            scoreStatus = status;
        }

        /** The scores the platform took, as JSON objects, each with the line item's path under {@code "lineItem"}. */
        public List<Map<String, Object>> scores() {
            return List.copyOf(scores);
        }

        /** The status of every score post, taken or not. */
        public List<Integer> scoreAnswers() {
            return List.copyOf(scoreAnswers);
        }

        /** Every token request whose client assertion checked out, as form parameters. */
        public List<Map<String, String>> tokenRequests() {
            return List.copyOf(tokenRequests);
        }

        /** The line item a launch of this target link names (the query is a part of it, as Moodle's are). */
        public String lineItem(String targetLinkUri) {
            return issuer() + "/lineitems/" + linkId(targetLinkUri) + "/lineitem?type_id=1";
        }

        /** The claims the platform's id_token carries for this person and nonce, ready to be changed by a test. */
        public JWTClaimsSet.Builder claims(Person person, String nonce) {
            Instant now = Instant.now();
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("id", person.contextId());
            context.put("label", person.contextTitle());
            context.put("title", person.contextTitle());
            context.put("type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject(person.sub())
                    .audience(clientId)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .claim("nonce", nonce)
                    .claim("azp", clientId)
                    .claim("name", person.name())
                    .claim("locale", person.locale())
                    .claim(LTI + "deployment_id", deploymentId)
                    .claim(LTI + "version", "1.3.0")
                    .claim(LTI + "message_type", "LtiResourceLinkRequest")
                    .claim(LTI + "target_link_uri", person.targetLinkUri())
                    .claim(LTI + "resource_link", Map.of("id", linkId(person.targetLinkUri()), "title", "Dodam"))
                    .claim(LTI + "roles", person.roles())
                    .claim(
                            LTI + "tool_platform",
                            Map.of("guid", name, "name", "Test platform " + name, "product_family_code", "moodle"))
                    .claim(
                            LTI + "launch_presentation",
                            Map.of(
                                    "document_target",
                                    framed ? "iframe" : "window",
                                    "locale",
                                    person.locale(),
                                    "return_url",
                                    issuer() + "/course-home"));
            if (person.contextId() != null) {
                claims.claim(LTI + "context", context);
            }
            if (person.custom() != null) {
                claims.claim(LTI + "custom", person.custom());
            }
            if (deepLinking) {
                claims.claim(LTI + "message_type", "LtiDeepLinkingRequest")
                        .claim(LTI + "resource_link", null)
                        .claim(
                                DEEP_LINKING_SETTINGS,
                                Map.of(
                                        "deep_link_return_url",
                                        deepLinkReturnUrl(),
                                        "accept_types",
                                        List.of("ltiResourceLink"),
                                        "accept_presentation_document_targets",
                                        List.of("iframe", "window"),
                                        "accept_multiple",
                                        acceptMultiple,
                                        "data",
                                        "data-" + name));
            }
            if (roster != null) {
                claims.claim(
                        ROSTER_SERVICE,
                        Map.of(
                                "context_memberships_url",
                                issuer() + "/memberships",
                                "service_versions",
                                List.of("2.0")));
            }
            if (gradesOffered) {
                claims.claim(
                        AGS_ENDPOINT,
                        Map.of(
                                "scope",
                                List.of(AGS + "lineitem", AGS + "result.readonly", SCORE_SCOPE),
                                "lineitems",
                                issuer() + "/lineitems",
                                "lineitem",
                                lineItem(person.targetLinkUri())));
            }
            return claims;
        }

        private static String linkId(String targetLinkUri) {
            return "link-" + Math.abs(targetLinkUri.hashCode());
        }

        /** Signs claims with the platform's current key, as its authorization endpoint does. */
        public String sign(JWTClaimsSet claims) {
            return TestPlatform.sign(signing, claims);
        }

        private void handle(HttpExchange exchange, String rest) throws IOException {
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            switch (rest) {
                case "jwks" ->
                    send(exchange, 200, "application/json", new JWKSet(new ArrayList<JWK>(published)).toString(true));
                case "course" ->
                    send(
                            exchange,
                            200,
                            "text/html",
                            autoPost(
                                    dodam.resolve("lti/login").toString(),
                                    Map.of(
                                            "iss",
                                            issuer(),
                                            "login_hint",
                                            query.get("user"),
                                            "target_link_uri",
                                            people.get(query.get("user")).targetLinkUri(),
                                            "lti_message_hint",
                                            "message-" + query.get("user"),
                                            "client_id",
                                            clientId,
                                            "lti_deployment_id",
                                            deploymentId)));
                case "framed-course" ->
                    send(
                            exchange,
                            200,
                            "text/html",
                            "<!DOCTYPE html><html><head><title>Course</title></head><body><h1>Course</h1>"
                                    + "<iframe name=\"tool\" title=\"Dodam\" width=\"900\" height=\"600\" src=\"course?user="
                                    + URLEncoder.encode(query.get("user"), StandardCharsets.UTF_8)
                                    + "\"></iframe></body></html>");
                case "auth" -> authorize(exchange, query);
                case "token" -> token(exchange);
                case "deep-link-return" -> deepLinkReturn(exchange);
                case "memberships" -> memberships(exchange, query);
                default -> {
                    if (rest.startsWith("lineitems/") && rest.endsWith("/lineitem/scores")) {
                        score(exchange, rest, query);
                    } else {
                        send(exchange, 404, "text/plain", "not found");
                    }
                }
            }
        }

        /**
         * The client-credentials grant with a JWT client assertion (1EdTech Security Framework 4.1): the assertion must
         * be signed by a key of Dodam's published key set, name the client id as issuer and subject and this endpoint
         * as audience, and be fresh; the scope must be the score scope.
         */
        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form =
                    parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
                JWTClaimsSet claims = assertion.getJWTClaimsSet();
                boolean valid = "POST".equals(exchange.getRequestMethod())
                        && "client_credentials".equals(form.get("grant_type"))
                        && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                                .equals(form.get("client_assertion_type"))
                        && signedByDodam(assertion)
                        && clientId.equals(claims.getIssuer())
                        && clientId.equals(claims.getSubject())
                        && claims.getAudience().contains(tokenUrl())
                        && claims.getExpirationTime().after(new Date())
                        && claims.getJWTID() != null
                        && List.of(SCORE_SCOPE, ROSTER_SCOPE).contains(form.get("scope"));
                if (!valid) {
                    send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                    return;
                }
            } catch (java.text.ParseException | JOSEException | RuntimeException e) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
                return;
            }
            tokenRequests.add(form);
            String token = UUID.randomUUID().toString();
            accessTokens.put(token, form.get("scope"));
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":3600,\"scope\":\"" + form.get("scope") + "\"}");
        }

        /**
         * The deep linking return address: the JWT Dodam posts must be signed by a key of Dodam's key set, issued by the
         * client id for this issuer, fresh, a deep linking response of LTI 1.3.0 for this deployment, with a nonce and
         * the request's data echoed back.
         */
        private void deepLinkReturn(HttpExchange exchange) throws IOException {
            Map<String, String> form =
                    parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                SignedJWT answer = SignedJWT.parse(form.get("JWT"));
                JWTClaimsSet claims = answer.getJWTClaimsSet();
                boolean valid = "POST".equals(exchange.getRequestMethod())
                        && signedByDodam(answer)
                        && clientId.equals(claims.getIssuer())
                        && claims.getAudience().contains(issuer())
                        && claims.getExpirationTime().after(new Date())
                        && claims.getClaim("nonce") != null
                        && "LtiDeepLinkingResponse".equals(claims.getClaim(LTI + "message_type"))
                        && "1.3.0".equals(claims.getClaim(LTI + "version"))
                        && deploymentId.equals(claims.getClaim(LTI + "deployment_id"))
                        && ("data-" + name).equals(claims.getClaim(DEEP_LINKING + "data"));
                if (!valid) {
                    send(
                            exchange,
                            400,
                            "text/html",
                            "<!DOCTYPE html><title>Refused</title><h1 id=\"refused\">Refused</h1>");
                    return;
                }
                deepLinkAnswers.add(claims);
                int count = ((List<?>) claims.getClaim(DEEP_LINKING + "content_items")).size();
                send(
                        exchange,
                        200,
                        "text/html",
                        "<!DOCTYPE html><title>Added</title><h1 id=\"added\">Added " + count + "</h1>");
            } catch (java.text.ParseException | JOSEException | RuntimeException e) {
                send(
                        exchange,
                        400,
                        "text/html",
                        "<!DOCTYPE html><title>Refused</title><h1 id=\"refused\">" + escape(e.toString()) + "</h1>");
            }
        }

        /**
         * The course's membership container, {@link #ROSTER_PAGE} members a page with a {@code Link} to the next: a token
         * of the roster scope and the container media type are required.
         */
        private void memberships(HttpExchange exchange, Map<String, String> query) throws IOException {
            rosterRequests.add(exchange.getRequestURI().toString());
            if (!ROSTER_SCOPE.equals(bearerScope(exchange))) {
                send(exchange, 401, "text/plain", "unauthorized");
                return;
            }
            if (!"application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
                    .equals(exchange.getRequestHeaders().getFirst("Accept"))) {
                send(exchange, 406, "text/plain", "not acceptable");
                return;
            }
            List<Map<String, Object>> members = roster == null ? List.of() : roster;
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            List<Map<String, Object>> shown = members.subList(
                    Math.min(members.size(), page * ROSTER_PAGE), Math.min(members.size(), (page + 1) * ROSTER_PAGE));
            if ((page + 1) * ROSTER_PAGE < members.size()) {
                exchange.getResponseHeaders()
                        .add("Link", "<" + issuer() + "/memberships?page=" + (page + 1) + ">; rel=\"next\"");
            }
            send(
                    exchange,
                    200,
                    "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
                    com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of(
                            "id", issuer() + "/memberships", "context", Map.of("id", "course"), "members", shown)));
        }

        /** Whether a key of Dodam's published key set (fetched now) signed the JWT. */
        private boolean signedByDodam(SignedJWT jwt) throws IOException, java.text.ParseException, JOSEException {
            RSAKey key = (RSAKey) JWKSet.load(dodam.resolve("lti/jwks").toURL())
                    .getKeyByKeyId(jwt.getHeader().getKeyID());
            return key != null && jwt.verify(new RSASSAVerifier(key));
        }

        /** The scope of the access token the request carries as {@code Bearer}, or {@code null} for none this platform gave. */
        private String bearerScope(HttpExchange exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            return accessTokens.get(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
        }

        /** A score post: a valid token, the score media type, and the fields the score service requires. */
        private void score(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!SCORE_SCOPE.equals(bearerScope(exchange))) {
                scoreAnswers.add(401);
                send(exchange, 401, "text/plain", "unauthorized");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || type == null
                    || !type.startsWith("application/vnd.ims.lis.v1.score+json")
                    || !"1".equals(query.get("type_id"))) {
                scoreAnswers.add(400);
                send(exchange, 400, "text/plain", "bad request");
                return;
            }
            int status = scoreStatus;
            scoreAnswers.add(status);
            if (status == 200) {
                try {
                    Map<String, Object> score = new LinkedHashMap<>(
                            com.nimbusds.jose.util.JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)));
                    score.put("lineItem", path.substring(0, path.length() - "/scores".length()));
                    scores.add(score);
                } catch (java.text.ParseException e) {
                    scoreAnswers.set(scoreAnswers.size() - 1, 400);
                    send(exchange, 400, "text/plain", "not JSON");
                    return;
                }
            }
            send(exchange, status, "text/plain", status == 200 ? "" : "unavailable");
        }

        /** Checks Dodam's authentication request as a platform must, then posts the signed id_token back. */
        private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
            authRequests.add(query);
            String expectedRedirect = dodam.resolve("lti/launch").toString();
            Person person = people.get(query.get("login_hint"));
            boolean valid = "openid".equals(query.get("scope"))
                    && "id_token".equals(query.get("response_type"))
                    && "form_post".equals(query.get("response_mode"))
                    && "none".equals(query.get("prompt"))
                    && clientId.equals(query.get("client_id"))
                    && expectedRedirect.equals(query.get("redirect_uri"))
                    && query.get("state") != null
                    && query.get("nonce") != null
                    && person != null
                    && ("message-" + query.get("login_hint")).equals(query.get("lti_message_hint"));
            if (!valid) {
                send(exchange, 400, "text/plain", "invalid_request");
                return;
            }
            String token = sign(tamper.apply(claims(person, query.get("nonce"))).build());
            send(
                    exchange,
                    200,
                    "text/html",
                    autoPost(expectedRedirect, Map.of("id_token", token, "state", query.get("state"))));
        }
    }

    public TestPlatform(URI dodam) {
        this.dodam = dodam;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            try {
                String[] path = exchange.getRequestURI().getPath().substring(1).split("/", 2);
                Tenant tenant = tenants.get(path[0]);
                if (tenant == null || path.length < 2) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    tenant.handle(exchange, path[1]);
                }
            } catch (RuntimeException e) {
                send(exchange, 500, "text/plain", e.toString());
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Dodam moved (a restarted server listens on another port): its key set is fetched from there from now on. */
    public void dodamAt(URI moved) {
        dodam = moved;
    }

    /** A new platform on this server, with its own keys. */
    public Tenant tenant(String name) {
        Tenant tenant = new Tenant(name);
        if (tenants.putIfAbsent(name, tenant) != null) {
            throw new IllegalArgumentException("platform " + name + " exists");
        }
        return tenant;
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page that posts a form at once (with a button for a browser without scripts), as platforms answer. */
    static String autoPost(String action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Launching</title></head><body>")
                .append("<form id=\"launch\" method=\"post\" action=\"")
                .append(escape(action))
                .append("\">");
        fields.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"")
                .append(escape(k))
                .append("\" value=\"")
                .append(escape(v))
                .append("\">"));
        return html.append("<noscript><button type=\"submit\">Continue</button></noscript></form>")
                .append("<script>document.getElementById('launch').submit();</script></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    public static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
