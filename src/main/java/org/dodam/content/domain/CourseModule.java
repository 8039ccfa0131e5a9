package org.dodam.content.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.platform.Languages;

/** A module of the curriculum as loaded from its module.yaml; its id is the folder name and never changes. */
@Entity
@Table(name = "course_module")
@NamedQuery(
        name = "CourseModule.allWithTexts",
        query = "select m from CourseModule m left join fetch m.texts order by m.position")
public class CourseModule {

    @Id
    private String id;

    private int position;

    @Column(nullable = false)
    private String audience;

    @Column(nullable = false)
    private String bands;

    /** The module's texts by language, one row each in {@code course_module_text}. */
    @ElementCollection
    @CollectionTable(name = "course_module_text", joinColumns = @JoinColumn(name = "module_id"))
    @MapKeyColumn(name = "language")
    private Map<String, ModuleText> texts = new HashMap<>();

    private boolean retired;

    protected CourseModule() {}

    public CourseModule(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** Takes the module's current text from the files; a module that is back in the files is no longer retired. */
    public void update(ModuleDoc doc) {
        position = doc.order();
        audience = doc.audience();
        bands = String.join(",", doc.bands());
        texts.keySet().retainAll(doc.title().keySet());
        doc.title().forEach((language, title) -> {
            ModuleText text = new ModuleText(
                    title, doc.summary().get(language), doc.familyLetters().get(language));
            if (!text.equals(texts.get(language))) {
                texts.put(language, text);
            }
        });
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

    /** The languages this module has texts in. */
    public Set<String> languages() {
        return Set.copyOf(texts.keySet());
    }

    /** The module's title in this language, or in the default language when it has no translation (see {@link Languages#pick}). */
    public String title(String language) {
        return text(language).title();
    }

    public String summary(String language) {
        return text(language).summary();
    }

    /**
     * The Markdown of the module's letter to families in exactly this language: a letter is printed for a family
     * that reads that language, so a missing one is absent rather than replaced. None for staff modules.
     */
    public Optional<String> familyLetter(String language) {
        return Optional.ofNullable(language == null ? null : texts.get(language))
                .map(ModuleText::familyLetter);
    }

    private ModuleText text(String language) {
        return Languages.pick(texts, language)
                .orElseThrow(() -> new IllegalStateException("module " + id + " has no texts"));
    }

    public boolean retired() {
        return retired;
    }
}
