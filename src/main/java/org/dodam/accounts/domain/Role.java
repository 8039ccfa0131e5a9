package org.dodam.accounts.domain;

/** The four roles; each has its own folder of pages and its own home page. */
public enum Role {
    STUDENT("student"),
    TEACHER("teacher"),
    COUNSELLOR("counsellor"),
    SCHOOL_ADMIN("admin");

    private final String folder;

    Role(String folder) {
        this.folder = folder;
    }

    /** The page folder only this role may open, e.g. {@code teacher} for /teacher/. */
    public String folder() {
        return folder;
    }

    public String homePath() {
        return "/" + folder + "/index.xhtml";
    }

    public boolean isStaff() {
        return this == TEACHER || this == COUNSELLOR;
    }
}
