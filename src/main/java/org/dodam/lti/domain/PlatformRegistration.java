package org.dodam.lti.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dodam.platform.DodamException;

/**
 * A learning platform (Moodle, Canvas, ...) that a school admin registered so that its courses can launch Dodam:
 * the platform's issuer and the client id it gave Dodam (together unique across the installation, since one
 * registration belongs to one school), the deployments it may launch from, and its three addresses. Every launch
 * is checked against exactly one registration: its issuer, its client id, its key set and its deployments.
 *
 * <p>The addresses are fetched or visited by the server and by browsers, so they must be {@code https}; plain
 * {@code http} is accepted only for this machine (a platform under test, or on the same host).
 */
@Entity
@Table(name = "lti_registration")
@NamedQuery(
        name = "PlatformRegistration.ofSchool",
        query = "select r from PlatformRegistration r where r.schoolId = :school order by r.name, r.id")
@NamedQuery(
        name = "PlatformRegistration.byIssuer",
        query = "select r from PlatformRegistration r where r.issuer = :issuer order by r.id")
@NamedQuery(
        name = "PlatformRegistration.byIssuerAndClient",
        query = "select r from PlatformRegistration r where r.issuer = :issuer and r.clientId = :clientId")
public class PlatformRegistration {

    public static final int MAX_ID_LENGTH = 255;
    public static final int MAX_URL_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_DEPLOYMENTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(name = "school_id", nullable = false)
    private long schoolId;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = MAX_ID_LENGTH)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = MAX_ID_LENGTH)
    private String clientId;

    @Column(name = "auth_url", nullable = false, length = MAX_URL_LENGTH)
    private String authUrl;

    @Column(name = "token_url", nullable = false, length = MAX_URL_LENGTH)
    private String tokenUrl;

    @Column(name = "jwks_url", nullable = false, length = MAX_URL_LENGTH)
    private String jwksUrl;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lti_deployment", joinColumns = @JoinColumn(name = "registration_id"))
    @Column(name = "deployment_id", nullable = false, length = MAX_ID_LENGTH)
    private Set<String> deployments = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PlatformRegistration() {}

    public PlatformRegistration(
            long schoolId,
            String name,
            String issuer,
            String clientId,
            Collection<String> deploymentIds,
            String authUrl,
            String tokenUrl,
            String jwksUrl,
            Instant createdAt) {
        this.schoolId = schoolId;
        this.name = text(name, MAX_NAME_LENGTH, "lti.registration.nameInvalid");
        this.issuer = text(issuer, MAX_ID_LENGTH, "lti.registration.issuerInvalid");
        this.clientId = text(clientId, MAX_ID_LENGTH, "lti.registration.clientIdInvalid");
        this.authUrl = address(authUrl, "lti.registration.authUrlInvalid");
        this.tokenUrl = address(tokenUrl, "lti.registration.tokenUrlInvalid");
        this.jwksUrl = address(jwksUrl, "lti.registration.jwksUrlInvalid");
        Set<String> ids = new TreeSet<>();
        for (String deployment : Objects.requireNonNull(deploymentIds, "deploymentIds")) {
            ids.add(text(deployment, MAX_ID_LENGTH, "lti.registration.deploymentInvalid"));
        }
        if (ids.isEmpty() || ids.size() > MAX_DEPLOYMENTS) {
            throw new DodamException("lti.registration.deploymentsCount", MAX_DEPLOYMENTS);
        }
        this.deployments = ids;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether a launch from this deployment of the platform may come in. */
    public boolean allowsDeployment(String deploymentId) {
        return deploymentId != null && deployments.contains(deploymentId);
    }

    public boolean belongsTo(long school) {
        return schoolId == school;
    }

    /**
     * Whether {@code url} is an address Dodam may send browsers to or fetch: absolute, {@code https}, or {@code http}
     * on this machine only; no user name or password in it.
     */
    public static boolean acceptableAddress(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return false;
            }
            return scheme.equals("https") || scheme.equals("http") && loopback(host);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
    }

    private static String address(String url, String messageKey) {
        if (!acceptableAddress(url)) {
            throw new DodamException(messageKey);
        }
        return url.strip();
    }

    private static String text(String value, int max, String messageKey) {
        if (value == null
                || value.isBlank()
                || value.strip().length() > max
                || value.strip().chars().anyMatch(Character::isISOControl)) {
            throw new DodamException(messageKey, max);
        }
        return value.strip();
    }

    public Long id() {
        return id;
    }

    public long schoolId() {
        return schoolId;
    }

    public String name() {
        return name;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String authUrl() {
        return authUrl;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    public String jwksUrl() {
        return jwksUrl;
    }

    public List<String> deployments() {
        return List.copyOf(deployments);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
