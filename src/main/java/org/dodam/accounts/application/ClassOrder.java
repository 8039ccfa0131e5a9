package org.dodam.accounts.application;

/**
 * The orders a teacher's class list sorts in, each one named query whose ORDER BY the database runs, with the
 * classes' student counts in the same statement: a page of classes costs the same however many classes the
 * teacher keeps. Ties go by the class's id.
 */
public enum ClassOrder {
    /** By name. The default. */
    NAME("SchoolClass.pageByName"),
    NAME_DESC("SchoolClass.pageByNameDesc"),
    /** The smallest classes first. */
    SIZE("SchoolClass.pageBySize"),
    /** The largest classes first. */
    SIZE_DESC("SchoolClass.pageBySizeDesc");

    private final String query;

    ClassOrder(String query) {
        this.query = query;
    }

    /** The named query that lists a page of the teacher's active classes (id, name, code, students) in this order. */
    public String query() {
        return query;
    }
}
