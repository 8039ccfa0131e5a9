package org.dodam.accounts.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sign-in through our own Faces page ({@link SignInBacking}), checked by
 * {@link org.dodam.accounts.application.DodamIdentityStore}; once signed in, the session carries the person
 * ({@link AutoApplySession}). This replaces the standard custom-form mechanism because of what that one does
 * for a visitor who is not signed in and asks for a signed-in page: it keeps the request in a new session
 * to replay it after sign-in, so every such request, a crawler's or a flood's, made a session on the server.
 * Here the visitor is sent to the sign-in page with a relative redirect (so the browser stays on the address
 * it used, behind the proxy too) and nothing is kept: where to go afterwards travels in the address, as
 * {@code continue}, and {@link SignInBacking} goes there only inside the person's own folder.
 */
@AutoApplySession
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    /** Longer addresses are not carried to the sign-in page: the person lands on their home page instead. */
    static final int MAX_CONTINUE_LENGTH = 500;

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + LOGIN_PAGE + continueFor(request));
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    /** {@code ?continue=<the page asked for>}, for a page asked for with GET; nothing for a post or a long address. */
    private static String continueFor(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return path.length() > MAX_CONTINUE_LENGTH
                ? ""
                : "?continue=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
