package org.dodam.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Optional;

/**
 * A receipt code is typed by a reporter, so anything can arrive: normalising it never fails, and what it accepts
 * is exactly a code the generator could have made (16 characters of the alphabet), which normalises to itself
 * however it is written again (grouped with dashes, in small letters).
 */
class ReceiptCodesFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void aTypedCodeIsACodeOrNothing(String typed) {
        Optional<String> code = ReceiptCodes.normalize(typed);
        code.ifPresent(plain -> {
            assertThat(plain).hasSize(ReceiptCodes.LENGTH);
            assertThat(plain.chars()).allMatch(c -> ReceiptCodes.ALPHABET.indexOf(c) >= 0);
            String grouped = String.join(
                    "-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12), plain.substring(12));
            assertThat(ReceiptCodes.normalize(grouped.toLowerCase(Locale.ROOT))).contains(plain);
            assertThat(ReceiptCodes.normalize(plain)).contains(plain);
        });
    }
}
