package org.dodam.accounts.application;

/**
 * The orders a class's roster sorts in, each one named query whose ORDER BY the database runs, so that a page of
 * the roster costs the same for a class of 30 or a platform course of 600. Ties go by the student's id, so that a
 * page never shows a student its neighbour shows too.
 */
public enum RosterOrder {
    /** By name, as a class list is read out. The default. */
    NAME("ClassMembership.pageByName"),
    NAME_DESC("ClassMembership.pageByNameDesc"),
    USERNAME("ClassMembership.pageByUsername"),
    USERNAME_DESC("ClassMembership.pageByUsernameDesc");

    private final String query;

    RosterOrder(String query) {
        this.query = query;
    }

    /** The named query that lists a page of the class's students (id, name, username) in this order. */
    public String query() {
        return query;
    }
}
