package org.dodam.reports.domain;

/**
 * The fields of a case that are stored sealed. Each one's name is part of the associated data its values
 * are sealed with, so a name here, once used, must never change: a sealed value opens only under the
 * name it was sealed with, and a renamed field would make every stored report unreadable.
 */
public enum SealedField {
    PLACE("place"),
    HAPPENED("happened"),
    DESCRIPTION("description"),
    MESSAGE("message"),
    NOTE("note"),
    REFERENCE("reference");

    private final String context;

    SealedField(String context) {
        this.context = context;
    }

    /** The name that goes into the associated data. */
    public String context() {
        return context;
    }
}
