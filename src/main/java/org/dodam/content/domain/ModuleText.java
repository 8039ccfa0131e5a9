package org.dodam.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A module's texts in one language: one row of {@code course_module_text}. */
@Embeddable
public class ModuleText {

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(name = "family_letter")
    private String familyLetter;

    protected ModuleText() {}

    /** {@code familyLetter} is null for staff modules, which have none. */
    public ModuleText(String title, String summary, String familyLetter) {
        this.title = Objects.requireNonNull(title, "title");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.familyLetter = familyLetter;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String familyLetter() {
        return familyLetter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModuleText text
                && title.equals(text.title)
                && summary.equals(text.summary)
                && Objects.equals(familyLetter, text.familyLetter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, summary, familyLetter);
    }
}
