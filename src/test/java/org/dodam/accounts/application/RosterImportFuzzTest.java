package org.dodam.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.util.List;
import org.dodam.accounts.application.RosterImport.ImportRejected;

/**
 * A teacher's class list is a file from outside: whatever it holds, the import either accepts rows that keep
 * the account rules or refuses the file with row problems to show, never fails with anything else (which the
 * page would answer with a server error). Coverage-guided with Jazzer; see the surefire executions in pom.xml.
 */
class RosterImportFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void aClassListIsReadOrRefusedWithReasons(FuzzedDataProvider data) {
        boolean withHeader = data.consumeBoolean();
        String csv = (withHeader ? "name,username,password\n" : "") + data.consumeRemainingAsString();
        try {
            List<RosterImport.Row> rows =
                    RosterImport.parse(new StringReader(csv), username -> username.startsWith("taken"));
            assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(RosterImport.MAX_ROWS);
            for (RosterImport.Row row : rows) {
                assertThat(AccountRules.validName(row.name())).as(row.name()).isTrue();
                assertThat(AccountRules.validUsername(row.username()))
                        .as(row.username())
                        .isTrue();
                assertThat(row.username()).doesNotStartWith("taken");
                assertThat(row.password().isBlank() || AccountRules.validPassword(row.password()))
                        .isTrue();
            }
        } catch (ImportRejected rejected) {
            assertThat(rejected.problems()).isNotEmpty();
        }
    }
}
