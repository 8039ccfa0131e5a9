package org.dodam.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The show-password button beside a password field (show-password.js, OWASP ASVS 2.1.12), used the way a person
 * with a keyboard or a screen reader uses it.
 */
public final class ShowPassword {

    /** The key under which {@link #recordTypesOnSubmit} keeps what it saw, in the tab's session storage. */
    private static final String RECORD = "dodam-test-types-on-submit";

    private ShowPassword() {}

    /** The one button of the page with this accessible name. */
    public static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Checks the button of the password input {@code inputId}, named {@code name} and showing {@code text}, then
     * reaches it with Tab from the input, shows the password with Space, hides it with Enter and shows it again
     * with Space, checking the input's type, aria-pressed and that the button keeps the focus at each step. The
     * password is left shown.
     */
    public static void toggleWithKeyboard(Page page, String inputId, String name, String text) {
        Locator input = page.locator("[id='" + inputId + "']");
        Locator button = button(page, name);
        assertThat(button.count()).as("one button named " + name).isEqualTo(1);
        assertThat(button.innerText().strip()).isEqualTo(text);
        assertThat(button.getAttribute("type")).isEqualTo("button");
        assertThat(button.getAttribute("aria-controls")).isEqualTo(inputId);
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(input.getAttribute("type")).isEqualTo("password");
        BoundingBox box = button.boundingBox();
        assertThat(box.width).as("touch target width").isGreaterThanOrEqualTo(44);
        assertThat(box.height).as("touch target height").isGreaterThanOrEqualTo(44);

        input.focus();
        page.keyboard().press("Tab");
        assertThat(focusedControls(page))
                .as("Tab from the field reaches its button")
                .isEqualTo(inputId);
        page.keyboard().press("Space");
        assertThat(input.getAttribute("type")).as("shown").isEqualTo("text");
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(focusedControls(page)).as("the button keeps the focus").isEqualTo(inputId);
        page.keyboard().press("Enter");
        assertThat(input.getAttribute("type")).as("hidden again").isEqualTo("password");
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(focusedControls(page)).isEqualTo(inputId);
        page.keyboard().press("Space");
        assertThat(input.getAttribute("type")).isEqualTo("text");
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
    }

    /**
     * Makes the form {@code formId} write the types of its password fields, as they are when the browser sends it,
     * to the tab's session storage, for {@link #typesOnSubmit} to read on the page that answers.
     */
    public static void recordTypesOnSubmit(Page page, String formId) {
        page.evaluate(
                "([id, key]) => { const form = document.getElementById(id); form.addEventListener('submit', () =>"
                        + " sessionStorage.setItem(key, Array.from(form.querySelectorAll('.secret input'))"
                        + ".map(i => i.type).join(' '))); }",
                java.util.List.of(formId, RECORD));
    }

    /** What {@link #recordTypesOnSubmit} saw, one type per password field, or null if the form was not sent. */
    public static String typesOnSubmit(Page page) {
        return (String) page.evaluate("key => sessionStorage.getItem(key)", RECORD);
    }

    private static String focusedControls(Page page) {
        return (String)
                page.evaluate("() => document.activeElement && document.activeElement.getAttribute('aria-controls')");
    }
}
