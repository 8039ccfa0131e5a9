package org.dodam.content.application;

import static org.dodam.content.domain.ContentModel.BANDS;
import static org.dodam.content.domain.ContentModel.CONTENT_NOTE_BANDS;
import static org.dodam.content.domain.ContentModel.COUNTRIES;
import static org.dodam.content.domain.ContentModel.FAMILY_LETTER;
import static org.dodam.content.domain.ContentModel.LOCALES;
import static org.dodam.content.domain.ContentModel.REQUIRED_SECTIONS;
import static org.dodam.content.domain.ContentModel.SECTION_KINDS;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dodam.content.domain.ContentModel.ContentSet;
import org.dodam.content.domain.ContentModel.CountryHelp;
import org.dodam.content.domain.ContentModel.HelpRoute;
import org.dodam.content.domain.ContentModel.LessonDoc;
import org.dodam.content.domain.ContentModel.LessonText;
import org.dodam.content.domain.ContentModel.ModuleDoc;
import org.dodam.content.domain.ContentModel.Option;
import org.dodam.content.domain.ContentModel.Question;
import org.dodam.content.domain.ContentModel.Quiz;
import org.dodam.content.domain.ContentModel.Reference;
import org.dodam.content.domain.ContentModel.Section;
import org.dodam.content.domain.ContentProblem;
import org.dodam.content.domain.InvalidContent;
import org.dodam.platform.Languages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates course-content/ as a whole: every file parses, every language's file has the
 * structure of the default language's, every question is answerable and explained, links resolve. It reads everything before
 * returning, so a content set is either valid as a whole or refused as a whole, and every problem
 * names its file and line so that whoever edited the text can find it.
 */
public final class CourseContentReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern RAW_HTML = Pattern.compile("<[a-zA-Z/!?][^>]*>");
    private static final Pattern LESSON_LINK = Pattern.compile("\\]\\(lesson:([^)\\s]*)\\)");
    private static final Pattern COUNTRY_OPEN = Pattern.compile("^:::country\\s+(\\S+)\\s*$");
    private static final Set<String> QUESTION_TYPES = Set.of("single", "multiple", "true-false", "scenario");
    /**
     * A module is a unit a teacher assigns as a whole: enough lessons to be a unit, few enough to finish
     * in a few weeks. Six leaves room for a second lesson for a band beside the four a module started with.
     */
    public static final int MIN_MODULE_LESSONS = 3;

    public static final int MAX_MODULE_LESSONS = 6;

    private final Path root;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final List<PendingLink> links = new ArrayList<>();
    private final Set<String> lessonIds = new HashSet<>();

    private CourseContentReader(Path root) {
        this.root = root;
    }

    /** Reads the content set under {@code root}, or throws {@link InvalidContent} listing every problem. */
    public static ContentSet read(Path root) {
        return new CourseContentReader(root).readAll();
    }

    private ContentSet readAll() {
        if (!Files.isDirectory(root)) {
            throw new InvalidContent(
                    List.of(new ContentProblem(root.toString(), 0, "course-content folder not found")));
        }
        Map<String, CountryHelp> help = readHelp();
        List<ModuleDoc> modules = new ArrayList<>();
        Set<Integer> orders = new HashSet<>();
        for (Path dir : listDirectories()) {
            Path moduleFile = dir.resolve("module.yaml");
            if (!Files.isRegularFile(moduleFile)) {
                continue;
            }
            ModuleDoc module = readModule(dir, moduleFile);
            if (module != null) {
                if (!orders.add(module.order())) {
                    problem(moduleFile, 1, "another module has order " + module.order());
                }
                modules.add(module);
            }
        }
        if (modules.isEmpty()) {
            problem(root, 0, "no module.yaml found");
        }
        for (PendingLink link : links) {
            if (!lessonIds.contains(link.target())) {
                problems.add(
                        new ContentProblem(link.file(), link.line(), "link to unknown lesson '" + link.target() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContent(problems);
        }
        modules.sort(Comparator.comparingInt(ModuleDoc::order));
        return new ContentSet(hashTree(), List.copyOf(modules), help);
    }

    // ---------------------------------------------------------------- help routes

    private Map<String, CountryHelp> readHelp() {
        Path file = root.resolve("help-routes.yaml");
        Map<String, CountryHelp> help = new LinkedHashMap<>();
        MappingNode top = mapping(file, parseYaml(file, readText(file), 0));
        if (top == null) {
            return help;
        }
        for (String country : COUNTRIES) {
            MappingNode entry = mapping(file, required(file, top, country));
            if (entry == null) {
                continue;
            }
            List<HelpRoute> routes = new ArrayList<>();
            SequenceNode list = sequence(file, required(file, entry, "routes"));
            if (list != null) {
                for (Node item : list.getValue()) {
                    MappingNode route = mapping(file, item);
                    if (route != null) {
                        routes.add(new HelpRoute(
                                text(file, route, "id"),
                                text(file, route, "contact"),
                                localized(file, route, "name"),
                                localized(file, route, "description"),
                                optionalText(route, "url")));
                    }
                }
            }
            if (routes.isEmpty()) {
                problem(file, line(entry), country + " has no help routes");
            }
            help.put(country, new CountryHelp(localized(file, entry, "name"), routes));
        }
        return help;
    }

    // ---------------------------------------------------------------- modules

    private ModuleDoc readModule(Path dir, Path file) {
        MappingNode module = mapping(file, parseYaml(file, readText(file), 0));
        if (module == null) {
            return null;
        }
        String id = text(file, module, "id");
        if (id != null && !id.equals(dir.getFileName().toString())) {
            problem(file, line(module, "id"), "id '" + id + "' must equal the folder name '" + dir.getFileName() + "'");
        }
        int order = integer(file, module, "order", 1, 999);
        String audience = text(file, module, "audience");
        if (audience != null && !audience.equals("students") && !audience.equals("staff")) {
            problem(file, line(module, "audience"), "audience must be students or staff");
        }
        List<String> bands = stringList(file, module, "bands");
        checkBands(file, line(module, "bands"), bands, BANDS);
        if ("staff".equals(audience) != bands.equals(List.of("staff"))) {
            problem(file, line(module, "bands"), "staff modules use bands [staff], and only they do");
        }
        Map<String, String> title = localized(file, module, "title");
        Map<String, String> summary = localized(file, module, "summary");
        List<LessonDoc> lessons = new ArrayList<>();
        SequenceNode list = sequence(file, required(file, module, "lessons"));
        if (list != null) {
            if (list.getValue().size() < MIN_MODULE_LESSONS || list.getValue().size() > MAX_MODULE_LESSONS) {
                problem(
                        file,
                        line(list),
                        "a module has " + MIN_MODULE_LESSONS + " to " + MAX_MODULE_LESSONS + " lessons, this one has "
                                + list.getValue().size());
            }
            for (Node item : list.getValue()) {
                MappingNode entry = mapping(file, item);
                if (entry != null) {
                    LessonDoc lesson = readLesson(dir, file, entry, bands);
                    if (lesson != null) {
                        lessons.add(lesson);
                    }
                }
            }
        }
        return new ModuleDoc(
                id,
                order,
                audience,
                bands,
                title,
                summary,
                List.copyOf(lessons),
                readFamilyLetters(dir, "students".equals(audience)));
    }

    /** A students' module has a letter to families in each language (rules in {@link FamilyLetterRules}); staff modules none. */
    private Map<String, String> readFamilyLetters(Path dir, boolean forStudents) {
        Map<String, String> letters = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            Path file = dir.resolve(ModuleDoc.familyLetterFile(locale));
            if (!Files.isRegularFile(file)) {
                if (forStudents) {
                    problem(
                            file,
                            0,
                            "missing: every students' module has a letter to families in each language, "
                                    + LOCALES.stream()
                                            .map(ModuleDoc::familyLetterFile)
                                            .toList());
                }
                continue;
            }
            if (!forStudents) {
                problem(file, 0, "a staff module has no family letter");
                continue;
            }
            String markdown = readText(file).replace("\r\n", "\n");
            FamilyLetterRules.check(markdown).forEach(p -> problem(file, p.line(), p.message()));
            letters.put(locale, markdown);
        }
        String reference = letters.get(Languages.DEFAULT);
        if (reference != null) {
            long expected = FamilyLetterRules.sections(reference);
            letters.forEach((locale, letter) -> {
                long sections = FamilyLetterRules.sections(letter);
                if (sections != expected) {
                    problem(
                            dir.resolve(ModuleDoc.familyLetterFile(locale)),
                            0,
                            sections + " '## ' sections, " + ModuleDoc.familyLetterFile(Languages.DEFAULT) + " has "
                                    + expected);
                }
            });
        }
        return Map.copyOf(letters);
    }

    private LessonDoc readLesson(Path dir, Path moduleFile, MappingNode entry, List<String> moduleBands) {
        String id = text(moduleFile, entry, "id");
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            problem(
                    moduleFile,
                    line(entry, "id"),
                    "lesson id '" + id + "' must be lower-case letters, digits and hyphens");
            return null;
        }
        if (id.equals(FAMILY_LETTER)) {
            problem(
                    moduleFile,
                    line(entry, "id"),
                    "'" + FAMILY_LETTER + "' is the name of the module's letter to families, not a lesson id");
            return null;
        }
        if (!lessonIds.add(id)) {
            problem(moduleFile, line(entry, "id"), "lesson id '" + id + "' is used twice");
        }
        List<String> bands = stringList(moduleFile, entry, "bands");
        checkBands(moduleFile, line(entry, "bands"), bands, moduleBands);
        int minutes = integer(moduleFile, entry, "minutes", 20, 45);
        List<Reference> references = new ArrayList<>();
        SequenceNode refs = sequence(moduleFile, required(moduleFile, entry, "references"));
        if (refs != null) {
            if (refs.getValue().isEmpty()) {
                problem(moduleFile, line(refs), "lesson '" + id + "' has no references");
            }
            for (Node item : refs.getValue()) {
                MappingNode ref = mapping(moduleFile, item);
                if (ref == null) {
                    continue;
                }
                String url = text(moduleFile, ref, "url");
                if (url != null && !url.startsWith("https://")) {
                    problem(moduleFile, line(ref, "url"), "reference URLs start with https://");
                }
                references.add(new Reference(
                        text(moduleFile, ref, "title"),
                        optionalText(ref, "publisher"),
                        optionalText(ref, "year"),
                        url));
            }
        }
        Map<String, LessonText> texts = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            Path file = dir.resolve(id + "." + locale + ".md");
            if (!Files.isRegularFile(file)) {
                problem(
                        file,
                        0,
                        "missing: every lesson has a file in each language, "
                                + LOCALES.stream()
                                        .map(l -> id + "." + l + ".md")
                                        .toList());
                continue;
            }
            LessonText text = readLessonText(file);
            if (text != null) {
                texts.put(locale, text);
            }
        }
        LessonText reference = texts.get(Languages.DEFAULT);
        if (reference != null) {
            texts.forEach((locale, text) -> compareLocales(
                    dir.resolve(id + "." + locale + ".md"), text, id + "." + Languages.DEFAULT + ".md", reference));
        }
        if (bands.stream().anyMatch(CONTENT_NOTE_BANDS::contains)) {
            texts.forEach((locale, text) -> {
                if (text.contentNote() == null) {
                    problem(
                            dir.resolve(id + "." + locale + ".md"),
                            1,
                            "a lesson for " + CONTENT_NOTE_BANDS
                                    + " students has a 'content-note' in its front matter: one sentence on what it is about");
                }
            });
        }
        Path quizFile = dir.resolve(id + ".quiz.yaml");
        Quiz quiz = Files.isRegularFile(quizFile) ? readQuiz(quizFile, id) : null;
        if (quiz == null && !Files.isRegularFile(quizFile)) {
            problem(quizFile, 0, "missing: every lesson has a quiz");
        }
        // In the order of the names, as before languages were data, so that a lesson's version stays what it was.
        List<Path> files = new ArrayList<>(LOCALES.stream()
                .sorted()
                .map(locale -> dir.resolve(id + "." + locale + ".md"))
                .toList());
        files.add(quizFile);
        String version = hashFiles(files);
        return new LessonDoc(id, bands, minutes, List.copyOf(references), texts, quiz, version);
    }

    /** A translation has the structure of the default language's file: the same sections, objectives and content note. */
    private void compareLocales(Path file, LessonText text, String referenceFile, LessonText reference) {
        List<String> kinds = text.sections().stream().map(Section::kind).toList();
        List<String> referenceKinds =
                reference.sections().stream().map(Section::kind).toList();
        if (!kinds.equals(referenceKinds)) {
            problem(file, 1, "sections " + kinds + " differ from " + referenceFile + "'s " + referenceKinds);
        }
        if (text.objectives().size() != reference.objectives().size()) {
            problem(
                    file,
                    1,
                    text.objectives().size() + " objectives, " + referenceFile + " has "
                            + reference.objectives().size());
        }
        if ((text.contentNote() == null) != (reference.contentNote() == null)) {
            problem(file, 1, "a 'content-note' in one language only: every language's file has one, or none does");
        }
    }

    // ---------------------------------------------------------------- lesson text

    private LessonText readLessonText(Path file) {
        String text = readText(file).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            problem(file, 1, "a lesson starts with YAML front matter between two '---' lines");
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            problem(file, 1, "the front matter is not closed with a '---' line");
            return null;
        }
        String front = text.substring(4, end + 1);
        int bodyStartLine = (int) front.lines().count() + 3;
        MappingNode meta = mapping(file, parseYaml(file, front, 1));
        if (meta == null) {
            return null;
        }
        String title = text(file, meta, "title");
        List<String> objectives = stringList(file, meta, "objectives");
        if (objectives.isEmpty()) {
            problem(file, line(meta), "learning objectives are missing");
        }
        List<String> kinds = stringList(file, meta, "sections");
        for (String kind : kinds) {
            if (!SECTION_KINDS.contains(kind)) {
                problem(
                        file,
                        line(meta, "sections"),
                        "unknown section kind '" + kind + "', use one of " + SECTION_KINDS);
            }
        }
        for (String required : REQUIRED_SECTIONS) {
            if (!kinds.contains(required)) {
                problem(file, line(meta, "sections"), "a lesson has a '" + required + "' section");
            }
        }
        String contentNote = optionalText(meta, "content-note");
        if (contentNote != null
                && (contentNote.length() < 20 || contentNote.length() > 300 || contentNote.contains("\n"))) {
            problem(
                    file,
                    line(meta, "content-note"),
                    "'content-note' is one sentence of 20 to 300 characters on what the lesson is about");
        }
        List<Section> sections = splitSections(file, text.substring(end + 5), bodyStartLine, kinds);
        return new LessonText(title, objectives, sections, contentNote);
    }

    private List<Section> splitSections(Path file, String body, int firstLine, List<String> kinds) {
        List<Section> sections = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        String heading = null;
        StringBuilder current = new StringBuilder();
        int headingLine = 0;
        String openCountry = null;
        int openLine = 0;
        Set<String> sectionCountries = new HashSet<>();
        int headings = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = firstLine + i;
            if (line.startsWith("## ")) {
                if (openCountry != null) {
                    problem(
                            file,
                            openLine,
                            "':::country " + openCountry + "' is not closed with ':::' before the next section");
                    openCountry = null;
                }
                if (heading != null) {
                    checkCountries(file, headingLine, sectionCountries);
                    sections.add(section(kinds, sections.size(), heading, current));
                } else if (!current.toString().isBlank()) {
                    problem(file, firstLine, "text before the first '## ' heading");
                }
                heading = line.substring(3).strip();
                headingLine = number;
                headings++;
                current = new StringBuilder();
                sectionCountries = new HashSet<>();
                continue;
            }
            Matcher open = COUNTRY_OPEN.matcher(line);
            if (open.matches()) {
                if (openCountry != null) {
                    problem(file, number, "country blocks cannot be nested");
                }
                openCountry = open.group(1);
                openLine = number;
                if (!COUNTRIES.contains(openCountry)) {
                    problem(file, number, "unknown country '" + openCountry + "', use one of " + COUNTRIES);
                }
                sectionCountries.add(openCountry);
            } else if (line.strip().equals(":::")) {
                if (openCountry == null) {
                    problem(file, number, "':::' closes no country block");
                }
                openCountry = null;
            }
            Matcher html = RAW_HTML.matcher(line);
            if (html.find()) {
                problem(file, number, "raw HTML is not allowed: " + html.group());
            }
            if (line.contains("![")) {
                problem(file, number, "images are not allowed in lessons");
            }
            Matcher link = LESSON_LINK.matcher(line);
            while (link.find()) {
                links.add(new PendingLink(relative(file), number, link.group(1)));
            }
            current.append(line).append('\n');
        }
        if (openCountry != null) {
            problem(file, openLine, "':::country " + openCountry + "' is not closed with ':::'");
        }
        if (heading != null) {
            checkCountries(file, headingLine, sectionCountries);
            sections.add(section(kinds, sections.size(), heading, current));
        }
        if (headings != kinds.size()) {
            problem(
                    file,
                    firstLine,
                    headings + " '## ' headings, but the front matter lists " + kinds.size() + " sections");
        }
        return sections;
    }

    private void checkCountries(Path file, int headingLine, Set<String> countries) {
        if (!countries.isEmpty() && !countries.containsAll(COUNTRIES)) {
            problem(
                    file,
                    headingLine,
                    "this section has country blocks for "
                            + countries.stream().sorted().toList() + " but needs one for each of " + COUNTRIES);
        }
    }

    private static Section section(List<String> kinds, int index, String heading, StringBuilder markdown) {
        String kind = index < kinds.size() ? kinds.get(index) : "summary";
        return new Section(kind, heading, markdown.toString().strip());
    }

    // ---------------------------------------------------------------- quizzes

    private Quiz readQuiz(Path file, String lessonId) {
        MappingNode quiz = mapping(file, parseYaml(file, readText(file), 0));
        if (quiz == null) {
            return null;
        }
        String lesson = text(file, quiz, "lesson");
        if (lesson != null && !lesson.equals(lessonId)) {
            problem(file, line(quiz, "lesson"), "lesson is '" + lesson + "', expected '" + lessonId + "'");
        }
        int passMark = quiz.getValue().stream().anyMatch(t -> key(t).equals("passMark"))
                ? integer(file, quiz, "passMark", 1, 100)
                : 70;
        String feedback = optionalText(quiz, "feedback");
        if (feedback == null) {
            feedback = "each";
        } else if (!feedback.equals("each") && !feedback.equals("end")) {
            problem(file, line(quiz, "feedback"), "feedback is 'each' or 'end'");
        }
        Question decision = null;
        MappingNode decisionNode = mapping(file, required(file, quiz, "decision"));
        if (decisionNode != null) {
            decision = readQuestion(file, decisionNode, "decision", "decision");
        }
        List<Question> questions = new ArrayList<>();
        SequenceNode list = sequence(file, required(file, quiz, "questions"));
        if (list != null) {
            if (list.getValue().size() < 5 || list.getValue().size() > 8) {
                problem(
                        file,
                        line(list),
                        "a quiz has 5 to 8 questions, this one has "
                                + list.getValue().size());
            }
            Set<String> ids = new HashSet<>();
            for (Node item : list.getValue()) {
                MappingNode node = mapping(file, item);
                if (node == null) {
                    continue;
                }
                String id = text(file, node, "id");
                if (id != null && !ids.add(id)) {
                    problem(file, line(node, "id"), "question id '" + id + "' is used twice");
                }
                String type = text(file, node, "type");
                if (type != null && !QUESTION_TYPES.contains(type)) {
                    problem(file, line(node, "type"), "type is one of " + QUESTION_TYPES);
                    continue;
                }
                questions.add(readQuestion(file, node, id, type));
            }
        }
        return new Quiz(passMark, feedback, decision, List.copyOf(questions));
    }

    private Question readQuestion(Path file, MappingNode node, String id, String type) {
        Map<String, String> prompt = localized(file, node, "prompt");
        Map<String, String> scenario = "scenario".equals(type) ? localized(file, node, "scenario") : Map.of();
        List<Option> options = new ArrayList<>();
        SequenceNode list = sequence(file, required(file, node, "options"));
        if (list == null) {
            return new Question(id, type, prompt, scenario, List.of());
        }
        String flag = "decision".equals(type) ? "best" : "correct";
        Set<String> ids = new HashSet<>();
        int correct = 0;
        for (Node item : list.getValue()) {
            MappingNode option = mapping(file, item);
            if (option == null) {
                continue;
            }
            String optionId = text(file, option, "id");
            if (optionId != null && !ids.add(optionId)) {
                problem(file, line(option), "option id '" + optionId + "' is used twice");
            }
            boolean isCorrect = "true".equals(optionalText(option, flag));
            correct += isCorrect ? 1 : 0;
            options.add(new Option(
                    optionId, isCorrect, localized(file, option, "text"), localized(file, option, "feedback")));
        }
        int where = line(list);
        int count = list.getValue().size();
        if (count < 2 || count > 6) {
            problem(file, where, "'" + id + "' has " + count + " options; use 2 to 6");
        }
        if ("true-false".equals(type) && !ids.equals(Set.of("true", "false"))) {
            problem(file, where, "'" + id + "' is true-false: its options are 'true' and 'false'");
        }
        if ("multiple".equals(type) ? correct < 1 : correct != 1) {
            problem(
                    file,
                    where,
                    "'" + id + "' has " + correct + " options marked " + flag + "; "
                            + ("multiple".equals(type) ? "it needs at least one" : "it needs exactly one"));
        }
        return new Question(id, type, prompt, scenario, List.copyOf(options));
    }

    // ---------------------------------------------------------------- YAML helpers

    /** Parses one YAML document; {@code lineOffset} blank lines are put before it so marks are file lines. */
    private Node parseYaml(Path file, String text, int lineOffset) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(options).compose(new StringReader("\n".repeat(lineOffset) + text));
            if (node == null) {
                problem(file, 1 + lineOffset, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1 + lineOffset;
            problem(file, line, "YAML: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(file, 1 + lineOffset, "YAML: " + e.getMessage());
            return null;
        }
    }

    private int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private int line(MappingNode node, String key) {
        for (NodeTuple tuple : node.getValue()) {
            if (key(tuple).equals(key)) {
                return line(tuple.getKeyNode());
            }
        }
        return line(node);
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static Node find(MappingNode node, String key) {
        for (NodeTuple tuple : node.getValue()) {
            if (key(tuple).equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private Node required(Path file, MappingNode node, String key) {
        Node value = find(node, key);
        if (value == null) {
            problem(file, line(node), "'" + key + "' is missing");
        }
        return value;
    }

    private MappingNode mapping(Path file, Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        problem(file, line(node), "expected a mapping of keys to values");
        return null;
    }

    private SequenceNode sequence(Path file, Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof SequenceNode sequence) {
            return sequence;
        }
        problem(file, line(node), "expected a list");
        return null;
    }

    private String text(Path file, MappingNode node, String key) {
        Node value = required(file, node, key);
        if (value == null) {
            return null;
        }
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        problem(file, line(value), "'" + key + "' needs a text value");
        return null;
    }

    private static String optionalText(MappingNode node, String key) {
        Node value = find(node, key);
        return value instanceof ScalarNode scalar && !scalar.getValue().isBlank()
                ? scalar.getValue().strip()
                : null;
    }

    private int integer(Path file, MappingNode node, String key, int min, int max) {
        String value = text(file, node, key);
        if (value == null) {
            return min;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(file, line(node, key), "'" + key + "' is a whole number from " + min + " to " + max);
        return min;
    }

    private List<String> stringList(Path file, MappingNode node, String key) {
        SequenceNode list = sequence(file, required(file, node, key));
        if (list == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                values.add(scalar.getValue().strip());
            } else {
                problem(file, line(item), "'" + key + "' holds text items only");
            }
        }
        return List.copyOf(values);
    }

    private Map<String, String> localized(Path file, MappingNode node, String key) {
        MappingNode map = mapping(file, required(file, node, key));
        Map<String, String> texts = new LinkedHashMap<>();
        if (map == null) {
            return texts;
        }
        for (String locale : LOCALES) {
            Node value = find(map, locale);
            if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                texts.put(locale, scalar.getValue().strip());
            } else {
                problem(file, line(map), "'" + key + "' needs text in " + locale);
            }
        }
        return texts;
    }

    private void checkBands(Path file, int line, List<String> bands, List<String> allowed) {
        if (bands.isEmpty()) {
            problem(file, line, "bands are missing");
        }
        for (String band : bands) {
            if (!allowed.contains(band)) {
                problem(file, line, "band '" + band + "' is not one of " + allowed);
            }
        }
    }

    // ---------------------------------------------------------------- files

    private List<Path> listDirectories() {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem(file, 0, "cannot be read as UTF-8 text: " + e.getMessage());
            return "";
        }
    }

    private String hashTree() {
        try (Stream<Path> walk = Files.walk(root)) {
            return hashFiles(walk.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hashFiles(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(relative(file).getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(file)) {
                    digest.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private void problem(Path file, int line, String message) {
        problems.add(new ContentProblem(file.startsWith(root) ? relative(file) : file.toString(), line, message));
    }

    private record PendingLink(String file, int line, String target) {}
}
