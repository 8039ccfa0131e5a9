package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageServletTest {

    @Test
    void comesBackOnlyToAPathOnThisSite() {
        assertThat(LanguageServlet.sameSitePath("/student/lesson.xhtml?id=a&section=2"))
                .isEqualTo("/student/lesson.xhtml?id=a&section=2");
        assertThat(LanguageServlet.sameSitePath("/")).isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath("//evil.example/")).isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath("/\\evil.example/")).isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath("https://evil.example/")).isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath("/index.xhtml\r\nSet-Cookie: x=y"))
                .isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath("")).isEqualTo("/");
        assertThat(LanguageServlet.sameSitePath(null)).isEqualTo("/");
    }
}
