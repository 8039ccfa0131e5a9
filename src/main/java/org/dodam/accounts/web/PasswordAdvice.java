package org.dodam.accounts.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dodam.accounts.application.PasswordStrength.WeakPassword;
import org.dodam.platform.web.Texts;

/**
 * Tells a person why the password they chose was refused and how to choose a better one, as one message on
 * the password field: read out with the field by screen readers (the field's error is its description), and
 * shown at the top of the page with the other messages.
 */
final class PasswordAdvice {

    private PasswordAdvice() {}

    static void explain(String fieldClientId, WeakPassword weak) {
        String text = Stream.concat(Stream.of(weak.messageKey()), weak.messageKeys().stream())
                .map(Texts::text)
                .collect(Collectors.joining(" "));
        onField(fieldClientId, text);
    }

    /** An error on one field: read out with it (the field's error is its description) and listed at the top. */
    static void onField(String fieldClientId, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(fieldClientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        UIComponent field = context.getViewRoot().findComponent(":" + fieldClientId);
        if (field instanceof UIInput input) {
            input.setValid(false);
        }
    }
}
