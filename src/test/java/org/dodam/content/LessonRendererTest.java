package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dodam.content.application.Curriculum.LessonEntry;
import org.dodam.content.application.LessonRenderer;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.Section;
import org.dodam.content.domain.LessonDocument;
import org.junit.jupiter.api.Test;

class LessonRendererTest {

    final LessonRenderer renderer = new LessonRenderer();

    @Test
    void escapesRawHtmlAndDropsUnsafeLinks() {
        String html = renderer.html("Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>");
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;");
    }

    @Test
    void showsOnlyTheSchoolsCountryAndLinksLessonsToTheLessonPage() {
        String markdown = """
                Everyone reads this.

                :::country KR
                In Korea, call 112.
                :::
                :::country US
                In the United States, call 911.
                :::

                See [the next lesson](lesson:next-one) and [eSafety](https://www.esafety.gov.au/).
                """;
        LessonEntry lesson = new LessonEntry(
                "l1",
                "m1",
                false,
                List.of("middle"),
                30,
                "v1",
                70,
                "each",
                false,
                Map.of("en", "T"),
                new LessonDocument(
                        Map.of(
                                "en",
                                new LessonText(
                                        "T", List.of("o"), List.of(new Section("explainer", "H", markdown)), null)),
                        List.of(),
                        null,
                        List.of()));
        String korea = renderer.render(lesson, "en", "KR").get(0).html();
        assertThat(korea)
                .contains("Everyone reads this", "call 112")
                .doesNotContain("911")
                .doesNotContain(":::");
        assertThat(korea).contains("href=\"lesson.xhtml?id=next-one\"");
        assertThat(korea).contains("rel=\"noopener noreferrer\"");
        assertThat(renderer.render(lesson, "en", "US").get(0).html())
                .contains("911")
                .doesNotContain("112");
    }
}
