package org.dodam.content.application;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.platform.Languages;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A module's quizzes in Moodle XML, in one language, so that schools on Moodle can import them into
 * their question bank: a category per module, multichoice (or true/false) questions with the feedback
 * of every option. Multiple-answer questions split the marks evenly between the correct options and
 * take them away evenly for wrong ones, as Moodle expects.
 */
public final class MoodleExport {

    private MoodleExport() {}

    /** One lesson's quiz, as the export needs it. */
    public record LessonQuiz(String title, List<Question> questions) {}

    public static String quizXml(String moduleTitle, List<LessonQuiz> lessons, String locale) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element quiz = doc.createElement("quiz");
            doc.appendChild(quiz);
            for (LessonQuiz lesson : lessons) {
                Element category = question(doc, quiz, "category");
                category.appendChild(
                        textElement(doc, "category", "$course$/Dodam/" + moduleTitle + "/" + lesson.title()));
                for (Question question : lesson.questions()) {
                    quiz.appendChild(multichoice(doc, lesson.title(), question, locale));
                }
            }
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Moodle XML could not be written", e);
        }
    }

    /** A question's text in this language, or in the default language when it has no translation. */
    private static String in(Map<String, String> byLanguage, String locale) {
        return Languages.pick(byLanguage, locale).orElse("");
    }

    private static Element multichoice(Document doc, String lessonTitle, Question question, String locale) {
        boolean trueFalse = "true-false".equals(question.type());
        Element element = doc.createElement("question");
        element.setAttribute("type", trueFalse ? "truefalse" : "multichoice");
        element.appendChild(textElement(doc, "name", lessonTitle + " · " + question.id()));
        String stem = (question.scenario().isEmpty() ? "" : in(question.scenario(), locale) + "\n\n")
                + in(question.prompt(), locale);
        element.appendChild(formatted(doc, "questiontext", stem));
        element.appendChild(simple(doc, "defaultgrade", "1"));
        element.appendChild(simple(doc, "penalty", trueFalse ? "1" : "0.3333333"));
        element.appendChild(simple(doc, "hidden", "0"));
        long correct = question.options().stream().filter(Option::correct).count();
        long wrong = question.options().size() - correct;
        boolean single = !"multiple".equals(question.type());
        if (!trueFalse) {
            element.appendChild(simple(doc, "single", String.valueOf(single)));
            element.appendChild(simple(doc, "shuffleanswers", "true"));
            element.appendChild(simple(doc, "answernumbering", "abc"));
        }
        for (Option option : question.options()) {
            double fraction = option.correct() ? 100.0 / (single ? 1 : correct) : (single ? 0 : -100.0 / wrong);
            Element answer = doc.createElement("answer");
            answer.setAttribute("fraction", fraction(fraction));
            answer.setAttribute("format", trueFalse ? "moodle_auto_format" : "plain_text");
            answer.appendChild(simple(doc, "text", trueFalse ? option.id() : in(option.text(), locale)));
            Element feedback = doc.createElement("feedback");
            feedback.setAttribute("format", "plain_text");
            feedback.appendChild(simple(doc, "text", in(option.feedback(), locale)));
            answer.appendChild(feedback);
            element.appendChild(answer);
        }
        return element;
    }

    private static String fraction(double value) {
        String text =
                String.format(Locale.ROOT, "%.5f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "-0".equals(text) ? "0" : text;
    }

    private static Element question(Document doc, Element quiz, String type) {
        Element question = doc.createElement("question");
        question.setAttribute("type", type);
        quiz.appendChild(question);
        return question;
    }

    private static Element formatted(Document doc, String name, String text) {
        Element element = doc.createElement(name);
        element.setAttribute("format", "plain_text");
        element.appendChild(simple(doc, "text", text));
        return element;
    }

    private static Element textElement(Document doc, String name, String text) {
        Element element = doc.createElement(name);
        element.appendChild(simple(doc, "text", text));
        return element;
    }

    private static Element simple(Document doc, String name, String text) {
        Element element = doc.createElement(name);
        element.setTextContent(text);
        return element;
    }
}
