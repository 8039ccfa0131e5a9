package org.dodam.platform;

/**
 * A signed-in person switched the language (the header's language switch, {@code LanguageServlet}). The
 * platform knows no accounts: the accounts feature observes this to save the choice on the account. {@code caller}
 * is the container's name for the signed-in person.
 */
public record LanguageChosen(String caller, String language) {}
