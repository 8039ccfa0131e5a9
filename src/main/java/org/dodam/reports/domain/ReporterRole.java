package org.dodam.reports.domain;

/** Who is telling: the person targeted, someone who saw it, or someone else (a friend, a parent). */
public enum ReporterRole {
    TARGET,
    BYSTANDER,
    OTHER
}
