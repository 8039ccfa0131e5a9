package org.dodam.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.dodam.content.domain.ContentModel.Section;

/**
 * Turns a lesson section's Markdown into HTML for one country: only that country's blocks are kept,
 * links to other lessons point at the lesson page, raw HTML is escaped and unsafe URLs are dropped
 * (commonmark-java). Results are cached by lesson version, so a lesson is rendered once per variant.
 */
@ApplicationScoped
public class LessonRenderer {

    private static final Pattern COUNTRY_OPEN = Pattern.compile("^:::country\\s+(\\S+)\\s*$");
    private static final Pattern LESSON_LINK = Pattern.compile("\\]\\(lesson:([a-z0-9-]+)\\)");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link link && link.getDestination().startsWith("http")) {
                    attributes.put("rel", "noopener noreferrer");
                }
            })
            .build();
    private final Map<String, List<RenderedSection>> cache = new ConcurrentHashMap<>();

    public List<RenderedSection> render(Curriculum.LessonEntry lesson, String locale, String country) {
        String language = lesson.language(locale);
        return cache.computeIfAbsent(
                lesson.id() + "|" + lesson.version() + "|" + language + "|" + country,
                key -> lesson.text(language).sections().stream()
                        .map(section -> new RenderedSection(section.kind(), section.heading(), html(section, country)))
                        .toList());
    }

    public String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    private String html(Section section, String country) {
        return html(LESSON_LINK.matcher(forCountry(section.markdown(), country)).replaceAll("](lesson.xhtml?id=$1)"));
    }

    /** Keeps the text outside country blocks and inside the blocks for {@code country}. */
    static String forCountry(String markdown, String country) {
        StringBuilder kept = new StringBuilder();
        String block = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher open = COUNTRY_OPEN.matcher(line);
            if (open.matches()) {
                block = open.group(1);
            } else if (block != null && line.strip().equals(":::")) {
                block = null;
            } else if (block == null || block.equals(country)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** A section ready for the page; teacher notes are shown to staff only. */
    public record RenderedSection(String kind, String heading, String html) {
        public boolean teacherNotes() {
            return "teacher-notes".equals(kind);
        }
    }
}
