package org.dodam.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dodam.accounts.application.Accounts.TemporaryPassword;
import org.junit.jupiter.api.Test;

/** The sign-in slips PDF: eight slips to an A4 page, each in its student's language or the one asked for. */
class SignInSlipsTest {

    static final String SCHOOL = "도담중학교 (Dodam Middle School)";
    static final String ADDRESS = "https://dodam.school.example/";

    @Test
    void eachStudentsSlipIsInTheirLanguageWithEverythingTheyNeed() throws Exception {
        List<TemporaryPassword> slips = List.of(
                new TemporaryPassword(1, "김민지", "minji-k", "ko", 0, "abcd2345ef"),
                new TemporaryPassword(2, "Daniel Park", "daniel-p", "en", 3, "zxy9876wvu"));
        byte[] bytes = SignInSlips.render(slips, SCHOOL, "dodam", ADDRESS, null);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "sign-in-slips-ko-en.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // a long address wraps
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text)
                    .contains("김민지")
                    .contains("아이디: minji-k")
                    .contains("처음 비밀번호: abcd2345ef")
                    .contains("학교 코드: dodam")
                    .contains("로그인 주소: " + ADDRESS + "login.xhtml?school=dodam")
                    .contains("처음 로그인하면")
                    .contains("도담중학교");
            assertThat(text)
                    .contains("Daniel Park")
                    .contains("Username: daniel-p")
                    .contains("Start password: zxy9876wvu")
                    .contains("School code: dodam")
                    .contains("Sign in at: " + ADDRESS + "login.xhtml?school=dodam")
                    .contains("The first time you sign in");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ko");
        }
    }

    @Test
    void theTeacherMayAskForOneLanguageAndAClassFillsPagesOfEight() throws Exception {
        List<TemporaryPassword> slips = IntStream.rangeClosed(1, 17)
                .mapToObj(i -> new TemporaryPassword(i, "학생 " + i, "student-" + i, "ko", 0, "pass" + (100000 + i)))
                .toList();
        try (PDDocument pdf = Loader.loadPDF(SignInSlips.render(slips, SCHOOL, "dodam", ADDRESS, "en"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(text)
                    .contains("Username: student-17")
                    .contains("Start password: pass100017")
                    .doesNotContain("아이디");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }
}
