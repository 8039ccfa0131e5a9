package org.dodam.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dodam.content.domain.ContentModel.ModuleDoc;

/** A module of the curriculum as loaded from its module.yaml; its id is the folder name and never changes. */
@Entity
@Table(name = "course_module")
@NamedQuery(name = "CourseModule.all", query = "select m from CourseModule m order by m.position")
public class CourseModule {

    @Id
    private String id;

    private int position;

    @Column(nullable = false)
    private String audience;

    @Column(nullable = false)
    private String bands;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Column(name = "title_ko", nullable = false)
    private String titleKo;

    @Column(name = "summary_en", nullable = false)
    private String summaryEn;

    @Column(name = "summary_ko", nullable = false)
    private String summaryKo;

    @Column(name = "family_letter_en")
    private String familyLetterEn;

    @Column(name = "family_letter_ko")
    private String familyLetterKo;

    private boolean retired;

    protected CourseModule() {
    }

    public CourseModule(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** Takes the module's current text from the files; a module that is back in the files is no longer retired. */
    public void update(ModuleDoc doc) {
        position = doc.order();
        audience = doc.audience();
        bands = String.join(",", doc.bands());
        titleEn = doc.title().get("en");
        titleKo = doc.title().get("ko");
        summaryEn = doc.summary().get("en");
        summaryKo = doc.summary().get("ko");
        familyLetterEn = doc.familyLetters().get("en");
        familyLetterKo = doc.familyLetters().get("ko");
        retired = false;
    }

    public void retire() {
        retired = true;
    }

    public String id() {
        return id;
    }

    public int position() {
        return position;
    }

    public boolean forStaff() {
        return "staff".equals(audience);
    }

    public List<String> bands() {
        return List.of(bands.split(","));
    }

    public String title(String locale) {
        return "ko".equals(locale) ? titleKo : titleEn;
    }

    public String summary(String locale) {
        return "ko".equals(locale) ? summaryKo : summaryEn;
    }

    /** The Markdown of the module's letter to families in this language; none for staff modules. */
    public Optional<String> familyLetter(String locale) {
        return Optional.ofNullable("ko".equals(locale) ? familyLetterKo : familyLetterEn);
    }

    public boolean retired() {
        return retired;
    }
}
