package org.dodam.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.dodam.platform.DodamException;

/** Looks up the user's language's text for a message key, and turns failures into page messages. */
public final class Texts {

    public static final String BUNDLE = "org.dodam.i18n.messages";

    private Texts() {}

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                context.getViewRoot() != null
                        ? context.getViewRoot().getLocale()
                        : context.getExternalContext().getRequestLocale());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString("error.generic");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, null, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, null, key, arguments);
    }

    public static void error(DodamException failure) {
        add(FacesMessage.SEVERITY_ERROR, null, failure.messageKey(), failure.arguments());
    }

    private static void add(FacesMessage.Severity severity, String clientId, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(severity, text(key, arguments), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }
}
