package org.dodam.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import org.dodam.accounts.application.Accounts;

/**
 * The language of this visit: Korean or English. It starts from the browser's preference, follows a
 * signed-in person's saved choice, and a switch is saved on their account so it is remembered.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromBrowser(FacesContext.getCurrentInstance().getExternalContext());
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Called at sign-in with the account's saved language. */
    public void use(String language) {
        locale = Locale.forLanguageTag(Accounts.LOCALES.contains(language) ? language : "ko");
    }

    public void switchTo(String language) throws IOException {
        if (!Accounts.LOCALES.contains(language)) {
            return;
        }
        locale = Locale.forLanguageTag(language);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() != null) {
            accounts.preferLocale(external.getUserPrincipal().getName(), language);
        }
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        String viewId = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        String query = external.getRequestParameterMap().getOrDefault("query", "");
        external.redirect(external.getRequestContextPath() + viewId + (query.isBlank() ? "" : "?" + query));
    }

    private static Locale fromBrowser(ExternalContext external) {
        var preferred = external.getRequestLocales();
        while (preferred.hasNext()) {
            String language = preferred.next().getLanguage();
            if (Accounts.LOCALES.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.forLanguageTag("ko");
    }
}
