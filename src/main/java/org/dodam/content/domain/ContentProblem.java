package org.dodam.content.domain;

/** One thing wrong in course-content/, with the file (relative to course-content/) and the 1-based line. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
