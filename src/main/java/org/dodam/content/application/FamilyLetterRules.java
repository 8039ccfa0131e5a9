package org.dodam.content.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.content.domain.ContentModel;

/**
 * What a family letter's Markdown may hold. A letter is printed, not browsed, and is the same for every
 * country: its title is the module's, so it has no {@code #} heading of its own; it holds no raw HTML, images,
 * lesson links or country blocks; and it names no phone numbers itself, but marks with one
 * {@value ContentModel#HELP_ROUTES_MARK} line where the help routes of the school's country are printed, so
 * that a number is corrected once, in help-routes.yaml, for lessons and letters alike.
 */
final class FamilyLetterRules {

    /** The size of the letter's columns in course_module (V8): one or two printed pages are far less. */
    static final int MAX_CHARACTERS = 20_000;

    private static final Pattern RAW_HTML = Pattern.compile("<[a-zA-Z/!?][^>]*>");

    private FamilyLetterRules() {}

    /** One broken rule, by 1-based line (0 for the letter as a whole). */
    record Problem(int line, String message) {}

    static List<Problem> check(String markdown) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        int marks = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.stripTrailing().equals(ContentModel.HELP_ROUTES_MARK)) {
                marks++;
                if (marks > 1) {
                    problems.add(new Problem(
                            number, "a second '" + ContentModel.HELP_ROUTES_MARK + "' line: a letter has one"));
                }
            } else if (line.startsWith(":::")) {
                problems.add(new Problem(
                        number,
                        "a family letter is the same in every country: no ':::' blocks but the one '"
                                + ContentModel.HELP_ROUTES_MARK + "' line"));
            }
            if (line.startsWith("# ")) {
                problems.add(new Problem(
                        number, "no '# ' heading: the letter's title is the module's; use '## ' for sections"));
            }
            Matcher html = RAW_HTML.matcher(line);
            if (html.find()) {
                problems.add(new Problem(number, "raw HTML is not allowed: " + html.group()));
            }
            if (line.contains("![")) {
                problems.add(new Problem(number, "images are not allowed in family letters"));
            }
            if (line.contains("](lesson:")) {
                problems.add(new Problem(number, "a printed letter cannot link to a lesson"));
            }
        }
        if (marks == 0) {
            problems.add(new Problem(
                    0,
                    "no '" + ContentModel.HELP_ROUTES_MARK
                            + "' line: put it where the help routes of the school's country are to be printed"));
        }
        if (markdown.length() > MAX_CHARACTERS) {
            problems.add(new Problem(
                    0,
                    markdown.length() + " characters: a family letter is one or two printed pages, at most "
                            + MAX_CHARACTERS + " characters"));
        }
        if (sections(markdown) == 0) {
            problems.add(new Problem(0, "no '## ' section heading"));
        }
        return problems;
    }

    /** The number of {@code ##} sections, which the letters of a module have alike in every language. */
    static long sections(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("## ")).count();
    }
}
