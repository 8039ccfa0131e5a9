package org.dodam.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * The rules for what a reporter writes: any text is either refused with a message key or cleaned into what is
 * stored, and what is stored keeps the rules (no control or direction characters, within its length, no encoded
 * image), and cleaning it again changes nothing. Never an exception, which would lose a report.
 */
class ReportTextsFuzzTest {

    @FuzzTest(maxDuration = "4s")
    void anyTextIsRefusedWithAReasonOrStoredClean(FuzzedDataProvider data) {
        int max = data.consumeInt(1, ReportTexts.DESCRIPTION_MAX);
        boolean required = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        Optional<String> problem = ReportTexts.problem(text, max, required);
        String clean = ReportTexts.clean(text);
        assertThat(ReportTexts.clean(clean)).isEqualTo(clean);
        assertThat(clean).doesNotContainPattern("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
        if (problem.isPresent()) {
            assertThat(problem.get()).startsWith("report.error.");
        } else {
            assertThat(clean.codePointCount(0, clean.length())).isLessThanOrEqualTo(max);
            assertThat(!clean.isEmpty() || !required).isTrue();
            assertThat(clean).doesNotContainPattern("[A-Za-z0-9+/=_\\-]{200,}");
        }
    }
}
