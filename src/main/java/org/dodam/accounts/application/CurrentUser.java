package org.dodam.accounts.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.DodamException;

/**
 * The signed-in person for this request, loaded once. Pages read it as {@code #{currentUser}}; other features take
 * it as an {@link Actor} ({@link #actor}, {@link #requireActor}), accounts' own pages as the account.
 *
 * <p>Sign-in keeps the account's id in the session ({@link #remember}); each request then finds the account by
 * that id in the shared cache. A deactivated account is refused from its next request on, and so is a session
 * begun before the account's password changed or its counsellor access was confirmed (its credentials version).
 */
@Named
@RequestScoped
public class CurrentUser {

    /** The session attribute holding the signed-in account's id. */
    static final String SESSION_KEY = "dodam.account";

    /** The session attribute holding the account's credentials version at sign-in. */
    static final String VERSION_KEY = "dodam.account.version";

    /** The request attribute set when this request found its session past its absolute lifetime and ended it. */
    public static final String SESSION_ENDED = "dodam.sessionEnded";

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    @Inject
    AccountsSettings settings;

    @Inject
    Clock clock;

    private Optional<Account> account;

    /** Called at sign-in, once the session exists. */
    public static void remember(HttpSession session, Account account) {
        session.setAttribute(SESSION_KEY, account.id());
        session.setAttribute(VERSION_KEY, account.credentialsVersion());
    }

    public Optional<Account> account() {
        if (account == null) {
            // The container's principal: SecurityContext.getCallerPrincipal() parses the subject anew (with a
            // class look-up) on every call, about 1 % of a lesson page's time.
            Principal principal = request.getUserPrincipal();
            HttpSession session = request.getSession(false);
            Object id = session == null ? null : session.getAttribute(SESSION_KEY);
            Object version = session == null ? null : session.getAttribute(VERSION_KEY);
            account = principal == null
                    ? Optional.empty()
                    : id instanceof Long known && version instanceof Integer signedInWith
                            ? accounts.signedIn(known, principal.getName())
                                    .filter(a -> a.credentialsVersion() == signedInWith)
                            : id instanceof Long ? Optional.empty() : accounts.byCaller(principal.getName());
            if (account.isPresent()
                    && session != null
                    && clock.millis() - session.getCreationTime()
                            > settings.sessionLifetime().toMillis()) {
                account = Optional.empty(); // past the absolute lifetime, however busy: sign in again
                request.setAttribute(SESSION_ENDED, Boolean.TRUE);
            }
            if (account.isEmpty() && id != null) {
                session.invalidate(); // suspended, signed in under an older password, or too old: sign in again
            }
        }
        return account;
    }

    /** For accounts' own pages, which change the account itself; every other feature takes {@link #requireActor}. */
    public Account require() {
        return account().orElseThrow(DodamException::notFound);
    }

    /** The signed-in person as other features know them; empty for a visitor. */
    public Optional<Actor> actor() {
        return account().map(Actor::of);
    }

    /** The signed-in person as other features know them, or "not found" for a visitor. */
    public Actor requireActor() {
        return actor().orElseThrow(DodamException::notFound);
    }

    /**
     * Called when a launch from a school's learning platform has signed someone in: remembers their account in the
     * session as {@link #remember sign-in} does, and returns them, or empty when there is no such account.
     */
    public Optional<Actor> rememberById(HttpSession session, long accountId) {
        Optional<Account> found = accounts.byId(accountId);
        found.ifPresent(a -> remember(session, a));
        return found.map(Actor::of);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public String getDisplayName() {
        return account().map(Account::displayName).orElse("");
    }

    public String getSchoolName() {
        return account().map(a -> a.school().name()).orElse("");
    }

    /** The country of the person's school, which decides the laws and help routes lessons and letters show. */
    public String getSchoolCountry() {
        return account().map(a -> a.school().country()).orElse("");
    }

    /** A counsellor proposed by the admin whom no counsellor of the school has confirmed yet. */
    public boolean isAwaitingConfirmation() {
        return account().map(Account::awaitingConfirmation).orElse(false);
    }

    /** The signed-in person's home page, relative to the application. */
    public String getHomePath() {
        return account().map(Account::homePath).orElse("/index.xhtml");
    }

    public String getRoleFolder() {
        return account().map(a -> a.role().folder()).orElse("");
    }
}
