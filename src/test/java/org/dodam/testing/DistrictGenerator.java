package org.dodam.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dodam.accounts.application.Passwords;
import org.dodam.content.application.CourseContentReader;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.postgresql.PGConnection;

/**
 * Writes a whole school district into a Dodam database that the application has already migrated and
 * loaded the curriculum into (start Dodam once against it): schools, staff, classes of 33 to 35
 * students, assignments, a progress row for every student in every assigned lesson, and quiz attempts with
 * their answers at a believable rate. Rows go in with plain JDBC batches, or with COPY on PostgreSQL,
 * because going through the application would take hours at this size; ids are reserved from
 * {@code id_generator} in large blocks first, exactly as the application reserves its blocks of 50, so a
 * running server and the generator never hand out the same id.
 *
 * <p>Every account shares one password, hashed once in the application's format (Argon2id, OWASP's
 * parameters, by {@link Passwords}). The first class belongs to the known teacher {@code <prefix>-teacher} and has
 * exactly 35 students, for the dashboard benchmark. The same seed gives the same district.
 *
 * <p>Run it with {@code mvn -Pdistrict test-compile exec:java} (see bench/README.md), or call
 * {@link #generate} from a test.
 */
public final class DistrictGenerator {

    public static final String PASSWORD = "district-pass-2026";
    public static final int KNOWN_CLASS_SIZE = 35;

    private static final String[] SURNAMES = {
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "전", "홍"
    };
    private static final String[] GIVEN = {
        "민지", "준호", "서연", "다미", "하준", "지우", "은서", "도윤", "서윤", "시우", "지호", "하은", "예준", "유나", "민준", "수아", "건우", "지아",
        "현우", "채원", "지훈", "나연", "태윤", "소율", "은우", "서진", "하린", "도현"
    };
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int FLUSH_ROWS = 50_000;
    private static final int ID_BLOCK = 100_000;

    /** How big a district to write. {@code prefix} keeps usernames apart when several districts share a database. */
    public record Shape(String prefix, int schools, int classes, int students, long progressRows, long seed) {
        public static Shape district() {
            return new Shape("d", 50, 3000, 100_000, 2_000_000, 2026);
        }

        int lessonsPerClass(int available) {
            return (int) Math.max(1, Math.min(available, Math.round((double) progressRows / students)));
        }
    }

    /** The code of the district's {@code s}-th school (from 0): the prefix and its number. */
    static String schoolCode(Shape shape, int s) {
        return String.format("%s-%02d", shape.prefix(), s + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** What was written, and where the benchmark's dashboard is (the teacher of the first school). */
    public record Result(
            String school,
            String teacher,
            String password,
            long classId,
            long otherClassId,
            int lessonsPerClass,
            Map<String, Long> rows,
            Duration took) {
        public String summary() {
            StringBuilder text = new StringBuilder();
            rows.forEach((table, count) -> text.append(String.format("  %-17s %,12d%n", table, count)));
            return text.toString();
        }
    }

    private record StudentLesson(String id, int sections, int passMark, List<Question> questions) {}

    private final Connection connection;
    private final Shape shape;
    private final SplittableRandom random;
    private final boolean postgres;
    private final IdBlocks ids;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Long> written = new LinkedHashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private int buffered;

    private DistrictGenerator(Connection connection, Connection idConnection, Shape shape) throws SQLException {
        this.connection = connection;
        this.shape = shape;
        this.random = new SplittableRandom(shape.seed());
        this.postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        this.ids = new IdBlocks(idConnection);
        table("school", "id:L", "name:S", "country:S", "code:S", "created_at:T");
        table(
                "account",
                "id:L",
                "school_id:L",
                "username:S",
                "password_hash:S",
                "role:S",
                "display_name:S",
                "email:S",
                "locale:S",
                "active:B",
                "created_at:T");
        table(
                "school_class",
                "id:L",
                "school_id:L",
                "teacher_id:L",
                "name:S",
                "join_code:S",
                "archived:B",
                "created_at:T");
        table("class_membership", "id:L", "class_id:L", "student_id:L", "joined_at:T", "removed_at:T");
        table("assignment", "id:L", "class_id:L", "lesson_id:S", "due_on:D", "created_at:T", "withdrawn:B");
        table(
                "progress",
                "id:L",
                "student_id:L",
                "lesson_id:S",
                "sections_total:I",
                "sections_seen:I",
                "current_section:I",
                "best_score:I",
                "passed:B",
                "started_at:T",
                "completed_at:T",
                "updated_at:T");
        table(
                "quiz_attempt",
                "id:L",
                "student_id:L",
                "lesson_id:S",
                "number:I",
                "status:S",
                "score:I",
                "passed:B",
                "started_at:T",
                "submitted_at:T");
        table("attempt_answer", "id:L", "attempt_id:L", "question_key:S", "chosen:S", "correct:B", "answered_at:T");
    }

    /**
     * Writes the district through {@code url}. The curriculum must already be in the database (the
     * application loads it on every start); {@code content} is the course-content/ folder it came from,
     * read for the questions, their options and the number of sections of each lesson.
     */
    public static Result generate(String url, String user, String password, Path content, Shape shape)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Connection idConnection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            idConnection.setAutoCommit(true);
            DistrictGenerator generator = new DistrictGenerator(connection, idConnection, shape);
            long[] known = generator.run(studentLessons(connection, content));
            generator.analyze();
            return new Result(
                    schoolCode(shape, 0),
                    shape.prefix() + "-teacher",
                    PASSWORD,
                    known[0],
                    known[1],
                    (int) known[2],
                    Map.copyOf(generator.written),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static List<StudentLesson> studentLessons(Connection connection, Path content) throws SQLException {
        Set<String> loaded = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from lesson where retired = false")) {
            while (rows.next()) {
                loaded.add(rows.getString(1));
            }
        }
        ContentSet set = CourseContentReader.read(content);
        List<StudentLesson> lessons = new ArrayList<>();
        for (ModuleDoc module : set.modules()) {
            if (module.forStaff()) {
                continue;
            }
            for (LessonDoc lesson : module.lessons()) {
                if (loaded.contains(lesson.id())) {
                    int sections = (int) Math.max(
                            1,
                            lesson.texts().get("en").sections().stream()
                                    .filter(s -> !"teacher-notes".equals(s.kind()))
                                    .count());
                    lessons.add(new StudentLesson(
                            lesson.id(),
                            sections,
                            lesson.quiz().passMark(),
                            lesson.quiz().questions()));
                }
            }
        }
        if (lessons.isEmpty()) {
            throw new IllegalStateException(
                    "No lessons in the database: start Dodam once against it, so that it migrates"
                            + " the schema and loads the curriculum, then run the generator.");
        }
        return lessons;
    }

    /** Returns the known class's id, another class of the known teacher, and the lessons per class. */
    private long[] run(List<StudentLesson> lessons) throws SQLException {
        String hash = hash(PASSWORD);
        int lessonsPerClass = shape.lessonsPerClass(lessons.size());
        int[] sizes = classSizes();
        long knownClass = 0;
        long otherClass = 0;
        int studentNumber = 0;
        int classIndex = 0;
        for (int s = 0; s < shape.schools(); s++) {
            long school = ids.next();
            Instant opened = now.minus(400, ChronoUnit.DAYS);
            add(
                    "school",
                    school,
                    String.format("%s 도담 %02d 학교 (District school %02d)", shape.prefix(), s + 1, s + 1),
                    "KR",
                    schoolCode(shape, s),
                    opened);
            add(
                    "account",
                    ids.next(),
                    school,
                    String.format("%s-admin%02d", shape.prefix(), s + 1),
                    hash,
                    "SCHOOL_ADMIN",
                    name(),
                    null,
                    "ko",
                    true,
                    opened);
            add(
                    "account",
                    ids.next(),
                    school,
                    String.format("%s-counsellor%02d", shape.prefix(), s + 1),
                    hash,
                    "COUNSELLOR",
                    name() + " 상담 선생님",
                    null,
                    "ko",
                    true,
                    opened);
            int classesHere = shape.classes() / shape.schools() + (s < shape.classes() % shape.schools() ? 1 : 0);
            int teachersHere = Math.max(1, (int) Math.round(classesHere / 2.4));
            long[] teachers = new long[teachersHere];
            for (int t = 0; t < teachersHere; t++) {
                teachers[t] = ids.next();
                String username = s == 0 && t == 0
                        ? shape.prefix() + "-teacher"
                        : String.format("%s-teacher%02d-%02d", shape.prefix(), s + 1, t + 1);
                add(
                        "account",
                        teachers[t],
                        school,
                        username,
                        hash,
                        "TEACHER",
                        name() + " 선생님",
                        null,
                        random.nextInt(10) == 0 ? "en" : "ko",
                        true,
                        opened);
            }
            if (shape.schools() >= 10 && (s + 1) % (shape.schools() / 10) == 0) {
                System.out.printf("  %d of %d schools written%n", s + 1, shape.schools());
            }
            for (int c = 0; c < classesHere; c++, classIndex++) {
                long teacher = teachers[c % teachersHere];
                long classId = ids.next();
                if (classIndex == 0) {
                    knownClass = classId;
                } else if (s == 0 && teacher == teachers[0] && otherClass == 0) {
                    otherClass = classId;
                }
                Instant created = now.minus(120 + random.nextInt(60), ChronoUnit.DAYS);
                add(
                        "school_class",
                        classId,
                        school,
                        teacher,
                        String.format("%d학년 %d반", 1 + c / 20, 1 + c % 20),
                        joinCode(),
                        false,
                        created);
                long[] students = new long[sizes[classIndex]];
                for (int i = 0; i < students.length; i++) {
                    students[i] = ids.next();
                    studentNumber++;
                    add(
                            "account",
                            students[i],
                            school,
                            String.format("%s-s%06d", shape.prefix(), studentNumber),
                            hash,
                            "STUDENT",
                            name(),
                            null,
                            random.nextInt(8) == 0 ? "en" : "ko",
                            true,
                            created);
                    add(
                            "class_membership",
                            ids.next(),
                            classId,
                            students[i],
                            created.plus(random.nextInt(5), ChronoUnit.DAYS),
                            null);
                }
                assignAndWork(classId, created, students, lessons, lessonsPerClass);
            }
        }
        flush();
        return new long[] {knownClass, otherClass, lessonsPerClass};
    }

    /** The known class has 35 students; the others share the rest evenly (33 or 34 each in the full district). */
    private int[] classSizes() {
        int[] sizes = new int[shape.classes()];
        sizes[0] = Math.min(KNOWN_CLASS_SIZE, shape.students());
        int rest = shape.students() - sizes[0];
        int others = shape.classes() - 1;
        for (int i = 1; i < sizes.length; i++) {
            sizes[i] = rest / others + (i - 1 < rest % others ? 1 : 0);
        }
        return sizes;
    }

    /** Consecutive lessons of the curriculum from a random start, due every few days from two months ago on. */
    private void assignAndWork(
            long classId, Instant classCreated, long[] students, List<StudentLesson> lessons, int count)
            throws SQLException {
        int first = random.nextInt(lessons.size());
        double diligence = 0.55 + random.nextDouble() * 0.4;
        for (int i = 0; i < count; i++) {
            StudentLesson lesson = lessons.get((first + i) % lessons.size());
            LocalDate due = random.nextInt(10) == 0 ? null : today.minusDays(60).plusDays(i * 90L / count);
            Instant assigned = due == null
                    ? now.minus(30, ChronoUnit.DAYS)
                    : due.minusDays(14).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
            if (assigned.isBefore(classCreated)) {
                assigned = classCreated;
            }
            if (assigned.isAfter(now)) {
                assigned = now.minus(1, ChronoUnit.DAYS);
            }
            add(
                    "assignment",
                    ids.next(),
                    classId,
                    lesson.id(),
                    due == null ? null : Date.valueOf(due),
                    assigned,
                    false);
            boolean pastDue = due != null && due.isBefore(today);
            for (long student : students) {
                work(student, lesson, assigned, pastDue ? diligence + 0.1 : diligence * 0.7);
            }
        }
    }

    /** One student's progress row in one lesson, with quiz attempts and answers when they got that far. */
    private void work(long student, StudentLesson lesson, Instant assigned, double diligence) throws SQLException {
        long progress = ids.next();
        int total = lesson.sections();
        if (random.nextDouble() > diligence) {
            add("progress", progress, student, lesson.id(), total, 0, 0, null, false, null, null, assigned);
            return;
        }
        Instant started = before(assigned.plus(random.nextInt(1, 10 * 24 * 60), ChronoUnit.MINUTES));
        if (random.nextInt(100) < 25) {
            int seen = 1 + random.nextInt(Math.max(1, total - 1));
            add(
                    "progress",
                    progress,
                    student,
                    lesson.id(),
                    total,
                    seen,
                    seen - 1,
                    null,
                    false,
                    started,
                    null,
                    before(started.plus(seen * 3L, ChronoUnit.MINUTES)));
            return;
        }
        Instant read = started.plus(total * 4L, ChronoUnit.MINUTES);
        if (random.nextInt(100) < 12) {
            add(
                    "progress",
                    progress,
                    student,
                    lesson.id(),
                    total,
                    total,
                    total - 1,
                    null,
                    false,
                    started,
                    null,
                    before(read));
            return;
        }
        double skill = 0.45 + random.nextDouble() * 0.5;
        Integer best = null;
        boolean passed = false;
        Instant completed = null;
        Instant last = read;
        for (int number = 1; number <= 3; number++) {
            long attempt = ids.next();
            Instant attemptStart = before(last.plus(1 + random.nextInt(60 * 24), ChronoUnit.MINUTES));
            boolean leftOpen = random.nextInt(100) < 4;
            int answers = leftOpen
                    ? random.nextInt(lesson.questions().size())
                    : lesson.questions().size();
            int right = 0;
            List<Object[]> answerRows = new ArrayList<>(answers);
            for (int q = 0; q < answers; q++) {
                Question question = lesson.questions().get(q);
                boolean correct = random.nextDouble() < skill;
                right += correct ? 1 : 0;
                answerRows.add(new Object[] {
                    ids.next(),
                    attempt,
                    lesson.id() + "/" + question.id(),
                    chosen(question, correct),
                    correct,
                    before(attemptStart.plus(q + 1L, ChronoUnit.MINUTES))
                });
            }
            Instant submitted = before(attemptStart.plus(answers + 1L, ChronoUnit.MINUTES));
            if (leftOpen) {
                add("quiz_attempt", attempt, student, lesson.id(), number, "OPEN", null, false, attemptStart, null);
            } else {
                int score = right * 100 / answers;
                boolean attemptPassed = score >= lesson.passMark();
                add(
                        "quiz_attempt",
                        attempt,
                        student,
                        lesson.id(),
                        number,
                        "SUBMITTED",
                        score,
                        attemptPassed,
                        attemptStart,
                        submitted);
                best = best == null ? score : Math.max(best, score);
                if (attemptPassed && !passed) {
                    completed = submitted;
                }
                passed |= attemptPassed;
            }
            answerRows.forEach(row -> add("attempt_answer", row));
            last = submitted;
            boolean again = !leftOpen && (passed ? random.nextInt(100) < 5 : random.nextInt(100) < 40);
            if (!again) {
                break;
            }
            skill = Math.min(0.98, skill + 0.15);
        }
        add(
                "progress",
                progress,
                student,
                lesson.id(),
                total,
                total,
                total - 1,
                best,
                passed,
                started,
                completed,
                last);
    }

    /**
     * The options a student picks: the right ones, or a wrong one, most often the same wrong one (the option
     * listed first among the wrong ones), so the dashboard has misconceptions to show.
     */
    private String chosen(Question question, boolean correct) {
        List<String> right = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Option option : question.options()) {
            (option.correct() ? right : wrong).add(option.id());
        }
        if (correct || wrong.isEmpty()) {
            return String.join(",", right);
        }
        return random.nextInt(100) < 60 ? wrong.get(0) : wrong.get(random.nextInt(wrong.size()));
    }

    private Instant before(Instant instant) {
        return instant.isAfter(now) ? now.minus(random.nextInt(1, 600), ChronoUnit.MINUTES) : instant;
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private String joinCode() {
        while (true) {
            StringBuilder code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (usedCodes.add(code.toString())) {
                return code.toString();
            }
        }
    }

    /** The application's password format: an Argon2id PHC string, made by the application's own Passwords. */
    static String hash(String password) {
        return new Passwords(new SecureRandom()).hash(password);
    }

    // ---------------------------------------------------------------- writing rows

    private void table(String name, String... columns) {
        tables.put(name, new Table(name, columns));
        written.put(name, 0L);
    }

    private void add(String table, Object... values) {
        tables.get(table).rows.add(values);
        if (++buffered >= FLUSH_ROWS) {
            try {
                flush();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes every buffered row, parents before children, and commits. */
    private void flush() throws SQLException {
        for (Table table : tables.values()) {
            if (!table.rows.isEmpty()) {
                if (postgres) {
                    table.copy(connection);
                } else {
                    table.insert(connection);
                }
                written.merge(table.name, (long) table.rows.size(), Long::sum);
                table.rows.clear();
            }
        }
        connection.commit();
        buffered = 0;
    }

    /** Fresh statistics after the bulk load, as after any large import, so the planner sees the real sizes. */
    private void analyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
        connection.commit();
    }

    private static final class Table {
        final String name;
        final String[] columns;
        final char[] types;
        final List<Object[]> rows = new ArrayList<>();

        Table(String name, String[] spec) {
            this.name = name;
            this.columns = new String[spec.length];
            this.types = new char[spec.length];
            for (int i = 0; i < spec.length; i++) {
                columns[i] = spec[i].substring(0, spec[i].indexOf(':'));
                types[i] = spec[i].charAt(spec[i].length() - 1);
            }
        }

        void insert(Connection connection) throws SQLException {
            String sql = "insert into " + name + " (" + String.join(", ", columns) + ") values ("
                    + "?, ".repeat(columns.length - 1) + "?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < columns.length; i++) {
                        bind(statement, i + 1, types[i], row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }

        private static void bind(PreparedStatement statement, int index, char type, Object value) throws SQLException {
            if (value == null) {
                statement.setNull(
                        index,
                        switch (type) {
                            case 'L' -> Types.BIGINT;
                            case 'I' -> Types.INTEGER;
                            case 'B' -> Types.BOOLEAN;
                            case 'T' -> Types.TIMESTAMP;
                            case 'D' -> Types.DATE;
                            default -> Types.VARCHAR;
                        });
                return;
            }
            switch (type) {
                case 'L' -> statement.setLong(index, ((Number) value).longValue());
                case 'I' -> statement.setInt(index, ((Number) value).intValue());
                case 'B' -> statement.setBoolean(index, (Boolean) value);
                case 'T' -> statement.setTimestamp(index, Timestamp.from((Instant) value));
                case 'D' -> statement.setDate(index, (Date) value);
                default -> statement.setString(index, (String) value);
            }
        }

        /** PostgreSQL's COPY in text format: tab-separated, \N for null. */
        void copy(Connection connection) throws SQLException {
            StringBuilder text = new StringBuilder(rows.size() * 96);
            for (Object[] row : rows) {
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    Object value = row[i];
                    if (value == null) {
                        text.append("\\N");
                    } else if (value instanceof Instant instant) {
                        text.append(Timestamp.from(instant));
                    } else if (value instanceof Boolean b) {
                        text.append(b ? 't' : 'f');
                    } else if (value instanceof String s) {
                        text.append(s.replace("\\", "\\\\")
                                .replace("\t", "\\t")
                                .replace("\n", "\\n")
                                .replace("\r", "\\r"));
                    } else {
                        text.append(value);
                    }
                }
                text.append('\n');
            }
            try {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy " + name + " (" + String.join(", ", columns) + ") from stdin",
                                new StringReader(text.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Ids from id_generator in blocks, on a connection of their own that commits at once, so that a server
     * running on the same database (as in the tests) keeps handing out its own blocks meanwhile.
     */
    private static final class IdBlocks {
        private final Connection connection;
        private long next = 1;
        private long last = 0;

        IdBlocks(Connection connection) {
            this.connection = connection;
        }

        long next() {
            if (next > last) {
                reserve();
            }
            return next++;
        }

        private void reserve() {
            try (PreparedStatement update = connection.prepareStatement(
                            "update id_generator set next_value = next_value + ? where name = 'dodam'");
                    PreparedStatement select =
                            connection.prepareStatement("select next_value from id_generator where name = 'dodam'")) {
                connection.setAutoCommit(false);
                update.setLong(1, ID_BLOCK);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("id_generator has no 'dodam' row: is the schema migrated?");
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                }
                connection.commit();
                connection.setAutoCommit(true);
                next = last - ID_BLOCK + 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- command line

    /**
     * {@code DistrictGenerator [schools classes students progressRows [prefix [seed]]]}, against DODAM_DB_URL
     * (DODAM_DB_USER, DODAM_DB_PASSWORD), with the curriculum from DODAM_CONTENT_DIR or ./course-content.
     * Writes the known teacher and class to {@code district.out} (a properties file) when that property is set.
     */
    public static void main(String[] args) throws Exception {
        Shape full = Shape.district();
        Shape shape = new Shape(
                args.length > 4 ? args[4] : full.prefix(),
                args.length > 0 ? Integer.parseInt(args[0]) : full.schools(),
                args.length > 1 ? Integer.parseInt(args[1]) : full.classes(),
                args.length > 2 ? Integer.parseInt(args[2]) : full.students(),
                args.length > 3 ? Long.parseLong(args[3]) : full.progressRows(),
                args.length > 5 ? Long.parseLong(args[5]) : full.seed());
        String url = env("DODAM_DB_URL", null);
        if (url == null) {
            throw new IllegalArgumentException(
                    "Set DODAM_DB_URL to the database to fill (jdbc:h2:file:... or jdbc:postgresql:...)");
        }
        Path content = Path.of(env("DODAM_CONTENT_DIR", "course-content"));
        System.out.printf("Generating %s into %s ...%n", shape, url);
        long started = System.nanoTime();
        String user = env("DODAM_DB_USER", "dodam");
        String password = env("DODAM_DB_PASSWORD", "dodam");
        Result result = generate(url, user, password, content, shape);
        System.out.print(result.summary());
        if (url.startsWith("jdbc:h2:")) {
            compact(url, user, password);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "generator_s %.1f (writing %.1f, then compacting H2 %.1f)%n",
                took.toMillis() / 1000.0,
                result.took().toMillis() / 1000.0,
                (took.toMillis() - result.took().toMillis()) / 1000.0);
        System.out.printf(
                "teacher %s / %s, class %d (%d students, %d lessons)%n",
                result.teacher(), result.password(), result.classId(), KNOWN_CLASS_SIZE, result.lessonsPerClass());
        String out = System.getProperty("district.out");
        if (out != null && !out.isBlank()) {
            Files.writeString(
                    Path.of(out),
                    "school=" + result.school() + "\nteacher=" + result.teacher() + "\npassword=" + result.password()
                            + "\nclass=" + result.classId() + "\nother_class=" + result.otherClassId()
                            + "\ngenerator_s=" + String.format(java.util.Locale.ROOT, "%.1f", took.toMillis() / 1000.0)
                            + "\n");
        }
    }

    /**
     * Rewrites an H2 file without the space that many bulk commits leave behind; otherwise the server spends
     * its first minutes compacting it in the background, which the benchmark would measure. It closes the
     * database, so only the command line does it, never a test writing into a running server's database.
     */
    private static void compact(String url, String user, String password) throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.createStatement().execute("shutdown compact");
        try {
            connection.close();
        } catch (SQLException alreadyClosed) {
            // the shutdown closed it
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
