package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dodam.accounts.domain.Account;
import org.dodam.platform.DodamException;

/**
 * Adds a class list from CSV (columns name, username and, optionally, password). Every row is checked
 * first; if any row has a problem, nothing is imported and every problem is reported with its row
 * number. Rows without a password get a temporary one, shown once to the teacher; every student, with the
 * file's password or the server's, chooses their own at first sign-in.
 */
@ApplicationScoped
public class RosterImport {

    static final int MAX_ROWS = 500;

    @Inject
    Accounts accounts;

    @Transactional
    public List<Imported> importStudents(Account teacher, long classId, Reader csv) {
        List<Row> rows = parse(
                csv, username -> accounts.byUsername(teacher.school(), username).isPresent());
        List<Imported> imported = new ArrayList<>();
        for (Row row : rows) {
            Accounts.TemporaryPassword student =
                    accounts.createStudent(teacher, classId, row.name(), row.username(), row.password());
            imported.add(new Imported(student, !row.password().isBlank()));
        }
        return imported;
    }

    /**
     * Reads and checks every row, or throws {@link ImportRejected} listing every problem; nothing else escapes,
     * whatever the file holds (RosterImportFuzzTest). {@code taken} says whether a username exists already.
     */
    static List<Row> parse(Reader csv, Predicate<String> taken) {
        List<RowProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreHeaderCase(true)
                .get()
                .parse(csv)) {
            if (!parser.getHeaderMap().containsKey("name")
                    || !parser.getHeaderMap().containsKey("username")) {
                throw new ImportRejected(List.of(new RowProblem(1, "import.header")));
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() >= MAX_ROWS) {
                    problems.add(new RowProblem(line, "import.tooMany"));
                    break;
                }
                String name = record.isMapped("name") && record.isSet("name") ? record.get("name") : "";
                String username =
                        record.isSet("username") ? AccountRules.normalizeUsername(record.get("username")) : "";
                String password = record.isMapped("password") && record.isSet("password") ? record.get("password") : "";
                if (!AccountRules.validName(name)) {
                    problems.add(new RowProblem(line, "accounts.nameInvalid"));
                }
                if (!AccountRules.validUsername(username)) {
                    problems.add(new RowProblem(line, "accounts.usernameInvalid"));
                } else if (!usernames.add(username)) {
                    problems.add(new RowProblem(line, "import.duplicate"));
                } else if (taken.test(username)) {
                    problems.add(new RowProblem(line, "import.taken"));
                }
                if (!password.isBlank() && !AccountRules.validPassword(password)) {
                    problems.add(new RowProblem(line, "import.password"));
                }
                rows.add(new Row(name.strip(), username, password));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a broken file (a quote never closed) as UncheckedIOException while iterating.
            throw new ImportRejected(List.of(new RowProblem(0, "import.unreadable")));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(0, "import.empty"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
        return rows;
    }

    record Row(String name, String username, String password) {}

    /**
     * A student added by the import, with their temporary password: the file's, or one the server made when the
     * file had none ({@code fromFile} false; only these are shown on the page, the file's the teacher has).
     */
    public record Imported(Accounts.TemporaryPassword student, boolean fromFile) {

        public String name() {
            return student.displayName();
        }

        public String username() {
            return student.username();
        }

        /** The password the server made, to show once; null when it came from the file. */
        public String temporaryPassword() {
            return fromFile ? null : student.password();
        }
    }

    /** One problem in the file: its line (1 is the header) and a message key. */
    public record RowProblem(int line, String messageKey) {}

    /** The file was refused as a whole. */
    public static class ImportRejected extends DodamException {
        private final transient List<RowProblem> problems;

        public ImportRejected(List<RowProblem> problems) {
            super("import.rejected", problems.size());
            this.problems = List.copyOf(problems);
        }

        public List<RowProblem> problems() {
            return problems;
        }
    }
}
