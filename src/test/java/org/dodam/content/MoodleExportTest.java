package org.dodam.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.application.MoodleExport;
import org.dodam.content.application.MoodleExport.LessonQuiz;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every module's quizzes export to Moodle XML that parses back to the same questions and answers. */
class MoodleExportTest {

    @Test
    void everyModuleExportsAndParsesBackInBothLanguages() throws Exception {
        for (ModuleDoc module :
                CourseContentReader.read(Path.of("course-content")).modules()) {
            for (String locale : List.of("en", "ko")) {
                List<LessonQuiz> lessons = module.lessons().stream()
                        .map(l -> new LessonQuiz(
                                l.texts().get(locale).title(), l.quiz().questions()))
                        .toList();
                String xml = MoodleExport.quizXml(module.title().get(locale), lessons, locale);
                Document doc = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                List<Question> expected =
                        lessons.stream().flatMap(l -> l.questions().stream()).toList();
                List<Element> questions = questions(doc);
                assertThat(questions).as(module.id()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertSame(expected.get(i), questions.get(i), locale);
                }
            }
        }
    }

    private static void assertSame(Question expected, Element actual, String locale) {
        String stem = actual.getElementsByTagName("questiontext").item(0).getTextContent();
        assertThat(stem).contains(expected.prompt().get(locale));
        NodeList answers = actual.getElementsByTagName("answer");
        assertThat(answers.getLength()).isEqualTo(expected.options().size());
        double total = 0;
        for (int i = 0; i < answers.getLength(); i++) {
            Element answer = (Element) answers.item(i);
            Option option = expected.options().get(i);
            double fraction = Double.parseDouble(answer.getAttribute("fraction"));
            assertThat(fraction > 0).as(expected.id() + "/" + option.id()).isEqualTo(option.correct());
            assertThat(answer.getElementsByTagName("feedback")
                            .item(0)
                            .getTextContent()
                            .strip())
                    .isEqualTo(option.feedback().get(locale));
            total += Math.max(0, fraction);
        }
        assertThat(total)
                .as("the correct answers add up to full marks")
                .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
    }

    private static List<Element> questions(Document doc) {
        NodeList all = doc.getElementsByTagName("question");
        List<Element> questions = new java.util.ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element question = (Element) all.item(i);
            if (!"category".equals(question.getAttribute("type"))) {
                questions.add(question);
            }
        }
        return questions;
    }
}
