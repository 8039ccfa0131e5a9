package org.dodam.lti.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.lti.application.GradePassback;
import org.dodam.lti.application.GradePassback.Unsent;
import org.dodam.lti.application.PlatformRegistrations;
import org.dodam.lti.application.PlatformRegistrations.NewRegistration;
import org.dodam.lti.application.PlatformRegistrations.Registration;
import org.dodam.platform.DodamException;
import org.dodam.platform.web.Texts;

/**
 * The school admin's page of learning platforms ({@code admin/lti.xhtml}): the values to give the platform when
 * adding Dodam to it as an external tool, the school's registrations, and a form to add one with the values the
 * platform shows in return. Only the school's admin reaches it ({@code RoleFolderFilter}).
 *
 * <p>The page is a stateless view ({@code StatelessViews}): its forms carry everything, so they post without
 * JavaScript (PrimeFaces' script would otherwise add the nonce a stateful view checks), and the list is read again
 * on every request; cross-site posts are refused by {@code CrossSitePostFilter} and the SameSite session cookie.
 */
@Named
@RequestScoped
public class LtiRegistrationsBacking {

    @Inject
    PlatformRegistrations registrations;

    @Inject
    GradePassback passback;

    @Inject
    CurrentUser currentUser;

    private List<Registration> list;
    private Map<Long, Unsent> unsent;

    @NotBlank
    @Size(max = 80)
    private String name;

    @NotBlank
    @Size(max = 255)
    private String issuer;

    @NotBlank
    @Size(max = 255)
    private String clientId;

    @NotBlank
    @Size(max = 6000)
    private String deploymentIds;

    @NotBlank
    @Size(max = 1000)
    private String authUrl;

    @NotBlank
    @Size(max = 1000)
    private String tokenUrl;

    @NotBlank
    @Size(max = 1000)
    private String jwksUrl;

    public List<Registration> getRegistrations() {
        if (list == null) {
            list = registrations.of(currentUser.requireActor());
        }
        return list;
    }

    /** The registration's scores that have not reached the platform's grade book yet. */
    public Unsent unsentScores(Registration registration) {
        if (unsent == null) {
            unsent = passback.unsent(
                    getRegistrations().stream().map(Registration::id).toList());
        }
        return unsent.getOrDefault(registration.id(), Unsent.NONE);
    }

    public void register() {
        try {
            Registration added = registrations.register(
                    currentUser.requireActor(),
                    new NewRegistration(name, issuer, clientId, deploymentIds, authUrl, tokenUrl, jwksUrl));
            Texts.info("lti.admin.added", added.name());
            name = issuer = clientId = deploymentIds = authUrl = tokenUrl = jwksUrl = null;
            list = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public void remove(Registration registration) {
        try {
            registrations.remove(currentUser.requireActor(), registration.id());
            Texts.info("lti.admin.removed", registration.name());
            list = null;
        } catch (DodamException e) {
            Texts.error(e);
        }
    }

    public String getLaunchUrl() {
        return LaunchPages.address(request(), LaunchPages.LAUNCH);
    }

    public String getLoginUrl() {
        return LaunchPages.address(request(), LaunchPages.LOGIN);
    }

    public String getKeySetUrl() {
        return LaunchPages.address(request(), LaunchPages.KEY_SET);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getDeploymentIds() {
        return deploymentIds;
    }

    public void setDeploymentIds(String deploymentIds) {
        this.deploymentIds = deploymentIds;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }
}
