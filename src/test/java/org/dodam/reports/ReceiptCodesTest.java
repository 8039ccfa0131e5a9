package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.dodam.reports.application.ReceiptCodes;
import org.junit.jupiter.api.Test;

class ReceiptCodesTest {

    @Test
    void codesHave80BitsFromAnAlphabetWithoutLookAlikes() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = ReceiptCodes.generate(random);
            assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}").doesNotContain("0", "1", "O", "I");
            seen.add(code);
        }
        assertThat(seen).hasSize(2_000);
        assertThat(Math.pow(32, 16)).isEqualTo(Math.pow(2, 80));
    }

    @Test
    void typedCodesAreForgivingAboutCaseSpacesAndDashes() {
        assertThat(ReceiptCodes.normalize(" abcd efgh-jklm–npqr ")).contains("ABCDEFGHJKLMNPQR");
        assertThat(ReceiptCodes.normalize("ABCD-EFGH-JKLM-NPQ")).isEmpty();
        assertThat(ReceiptCodes.normalize("ABCD-EFGH-JKLM-NPQ0"))
                .as("0 is not in the alphabet")
                .isEmpty();
        assertThat(ReceiptCodes.normalize(null)).isEmpty();
    }

    @Test
    void theHashIsSlowSaltedAndDeterministicPerSchool() {
        String a = ReceiptCodes.hash("ABCDEFGHJKLMNPQR", "00112233445566778899aabbccddeeff");
        assertThat(a).startsWith("pbkdf2-sha256:120000:").doesNotContain("ABCDEFGHJKLMNPQR");
        assertThat(ReceiptCodes.hash("ABCDEFGHJKLMNPQR", "00112233445566778899aabbccddeeff"))
                .isEqualTo(a);
        assertThat(ReceiptCodes.hash("ABCDEFGHJKLMNPQR", "ffeeddccbbaa99887766554433221100"))
                .isNotEqualTo(a);
        assertThat(ReceiptCodes.hash("ABCDEFGHJKLMNPQS", "00112233445566778899aabbccddeeff"))
                .isNotEqualTo(a);
    }
}
