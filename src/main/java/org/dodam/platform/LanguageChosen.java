package org.dodam.platform;

/**
 * A signed-in person switched the language (the header's language switch, {@code LanguageServlet}). The
 * platform knows no accounts: the accounts feature observes this to save the choice on the account.
 */
public record LanguageChosen(String username, String language) {
}
