package org.dodam.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Optional;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.CurrentUser;
import org.dodam.accounts.application.SchoolCredential;
import org.dodam.accounts.application.SignInBudgets;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.School;
import org.dodam.platform.web.ClientAddress;
import org.dodam.platform.web.LocaleBacking;
import org.dodam.platform.web.Texts;

/**
 * The sign-in form. On a server with more than one school it also asks for the school's code (usernames are
 * unique only within a school), filled in already when the person came by their school's sign-in address
 * ({@code ?school=<code>}, printed on sign-in slips). A successful sign-in gets a new session id and lands on the role's home page (or the
 * page of their folder the person was sent away from, {@code continue}: {@link SignInMechanism}). A client
 * that has spent its failure budget ({@link SignInBudgets}) is told how long to wait, and its password is not
 * checked until then.
 */
@Named
@RequestScoped
public class SignInBacking {

    @Size(max = 40)
    private String school;

    @NotBlank
    @Size(max = 40)
    private String username;

    @NotBlank
    @Size(max = 128)
    private String password;

    private Boolean schoolAsked;

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInBudgets budgets;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Accounts accounts;

    @Inject
    LocaleBacking localeBacking;

    /** Someone who is already signed in goes straight home. */
    public void redirectIfSignedIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() != null) {
            accounts.byCaller(external.getUserPrincipal().getName())
                    .ifPresent(account -> redirect(external, account.homePath()));
        }
    }

    public void signIn() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        boolean schoolAsked = isSchoolAsked();
        if (schoolAsked && School.normalizeCode(school).isEmpty()) {
            Texts.error("signin.schoolMissing");
            return;
        }
        String typedSchool = schoolAsked ? school : "";
        String client = clientAddress.of(request);
        Optional<Account> known = accounts.findForSignIn(typedSchool, username);
        String signInName = known.map(Account::signInName).orElse(Account.signInName(typedSchool, username));
        java.time.Duration wait = budgets.waitBefore(
                client, signInName, known.map(a -> a.role().isStaff()).orElse(false));
        if (!wait.isZero()) {
            Texts.error("signin.wait", seconds(wait));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new SchoolCredential(typedSchool, username, password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS && known.isPresent()) {
            budgets.succeeded(client, signInName);
            newSessionId(request);
            Account account = known.get();
            CurrentUser.remember(request.getSession(), account);
            localeBacking.use(account.locale());
            redirect(external, continueTo(request.getParameter("continue"), account));
        } else {
            budgets.failed(client, signInName);
            Texts.error(schoolAsked ? "signin.failedWithSchool" : "signin.failed");
        }
    }

    /** Whether the form asks for the school: only on a server that holds more than one. */
    public boolean isSchoolAsked() {
        if (schoolAsked == null) {
            schoolAsked = !accounts.hasOneSchool();
        }
        return schoolAsked;
    }

    /** A wait as the whole seconds the page names, rounded up and at least one. */
    static long seconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * The page the person asked for before signing in ({@link SignInMechanism}), when it is a page of their own
     * folder on this site; otherwise their home page, which is also where a student who must choose a password
     * or a counsellor awaiting confirmation goes. The address came from the browser, so it is checked: a path,
     * not another site ({@code //host}, {@code /\host}), nothing that climbs out of the folder.
     */
    static String continueTo(String path, Account account) {
        String folder = "/" + account.role().folder() + "/";
        boolean ownPage = path != null
                && path.length() <= SignInMechanism.MAX_CONTINUE_LENGTH
                && path.startsWith(folder)
                && !path.contains("//")
                && !path.contains("\\")
                && !path.contains("..")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        boolean usualHome = account.homePath().equals(account.role().homePath());
        return ownPage && usualHome ? path : account.homePath();
    }

    /** A new session id at sign-in: the sign-in page itself makes no session, so there may be none yet. */
    private static void newSessionId(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
    }

    private static void redirect(ExternalContext external, String path) {
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The school's code as typed, or as the school's sign-in address gave it. */
    public String getSchool() {
        if (school == null) {
            school = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get("school");
        }
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
