package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dodam.reports.application.ReportTexts;
import org.junit.jupiter.api.Test;

class ReportTextsTest {

    @Test
    void wordsLinksKoreanAndEmojiAreAccepted() {
        assertThat(ReportTexts.problem("단체방에 합성 사진이 올라왔어요 😢 https://example.com/chat/abc?x=1", 5_000, true))
                .isEmpty();
        assertThat(ReportTexts.problem("", 5_000, false)).isEmpty();
    }

    @Test
    void imagesPastedAsTextAreRefused() {
        assertThat(ReportTexts.problem("see data:image/jpeg;base64,/9j/4AAQSkZJRg==", 5_000, true))
                .contains("report.error.image");
        assertThat(ReportTexts.problem("DATA: image/png , abc", 5_000, true)).contains("report.error.image");
        assertThat(ReportTexts.problem("x " + "QUJD".repeat(60), 5_000, true)).contains("report.error.image");
    }

    @Test
    void emptyTooLongAndControlCharactersAreHandled() {
        assertThat(ReportTexts.problem("   ", 5_000, true)).contains("report.error.required");
        assertThat(ReportTexts.problem("가".repeat(5_001), 5_000, true)).contains("report.error.tooLong");
        assertThat(ReportTexts.problem("가".repeat(5_000), 5_000, true)).isEmpty();
        assertThat(ReportTexts.clean("a\u0000b\u202Ec\r\nd")).isEqualTo("abc\nd");
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
