package org.dodam.content.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The content set has problems and must not be loaded; the message lists every one with file and line. */
public class InvalidContent extends RuntimeException {

    private final transient List<ContentProblem> problems;

    public InvalidContent(List<ContentProblem> problems) {
        super(problems.size() + " problem(s) in course-content:\n"
                + problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
