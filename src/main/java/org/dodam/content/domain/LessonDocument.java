package org.dodam.content.domain;

import java.util.List;
import java.util.Map;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentModel.Reference;

/** What a lesson row stores as JSON: both languages' text, its references, decision and questions. */
public record LessonDocument(
        Map<String, LessonText> texts, List<Reference> references, Question decision, List<Question> questions) {}
