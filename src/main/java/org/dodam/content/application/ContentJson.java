package org.dodam.content.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.Map;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.LessonDocument;

/** JSON-B for the documents that content rows store. */
final class ContentJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type HELP =
            new java.util.HashMap<String, CountryHelp>() {}.getClass().getGenericSuperclass();

    private ContentJson() {}

    static String lesson(LessonDocument document) {
        return JSONB.toJson(document);
    }

    static LessonDocument lesson(String json) {
        return JSONB.fromJson(json, LessonDocument.class);
    }

    static String question(Question question) {
        return JSONB.toJson(question);
    }

    static String help(Map<String, CountryHelp> help) {
        return JSONB.toJson(help);
    }

    static Map<String, CountryHelp> help(String json) {
        return JSONB.fromJson(json, HELP);
    }
}
