package org.dodam.platform.settings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dodam.reports.application.ReportsSettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Configuration reads like a design: every setting is a {@link Setting} constant of one settings holder, named
 * once, with a default that meets its own rule; nothing reads configuration any other way; a bad value is refused
 * with a message that names the variable (and never echoes a secret); and the README's configuration table lists
 * exactly the settings the code declares, with the same defaults.
 */
class SettingsTest {

    /** Declared by the bench build (src/bench), which is compiled apart and not on this test's class path. */
    static final Set<String> BENCH_ONLY = Set.of("DODAM_SQL_COUNT");

    static JavaClasses classes;
    static Map<String, Setting<?>> declared;
    static Map<String, Class<?>> holders;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dodam");
        declared = new LinkedHashMap<>();
        holders = new HashMap<>();
        for (JavaClass type : classes) {
            boolean declares = type.getFields().stream()
                    .anyMatch(f -> f.getModifiers().contains(JavaModifier.STATIC)
                            && f.getRawType().isEquivalentTo(Setting.class));
            if (!declares) {
                continue;
            }
            for (Setting<?> setting : Setting.constantsOf(type.reflect())) {
                Setting<?> before = declared.put(setting.environmentVariable(), setting);
                assertThat(before)
                        .as(setting + " is declared once, not also in " + holders.get(setting.environmentVariable()))
                        .isNull();
                holders.put(setting.environmentVariable(), type.reflect());
            }
        }
    }

    @Test
    void everySettingIsDeclaredOnceInAHolderThatIsReadAtStart() {
        assertThat(declared).hasSizeGreaterThan(40);
        assertThat(holders.values())
                .allSatisfy(holder -> assertThat(Settings.class).isAssignableFrom(holder));
        assertThat(holders.values().stream()
                        .map(Class::getSimpleName)
                        .distinct()
                        .sorted())
                .containsExactly(
                        "AccountsSettings",
                        "ContentSettings",
                        "DemoSettings",
                        "LtiSettings",
                        "PlatformSettings",
                        "ReportsSettings");
    }

    @Test
    void nothingReadsConfigurationButASetting() {
        noFields()
                .should()
                .beAnnotatedWith(ConfigProperty.class)
                .because("a setting is named once, in its holder, with its default and its rule")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dodam.platform.settings")
                .should()
                .callMethod(Config.class, "getOptionalValue", String.class, Class.class)
                .orShould()
                .callMethod(Config.class, "getValue", String.class, Class.class)
                .because("a value is read through its Setting, which checks it")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.dodam.platform")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ConfigProvider.class.getName())
                .check(classes);
    }

    @Test
    void theEnvironmentVariableIsTheOneMicroProfileConfigReads() {
        assertThat(declared.get("DODAM_MASTER_KEY_CHECK_SECONDS").name()).isEqualTo("dodam.master-key.check-seconds");
        assertThat(declared.get("DODAM_SIGNIN_ACCOUNT_FAILURES").name()).isEqualTo("dodam.signin.account-failures");
        assertThat(declared.values())
                .allSatisfy(s -> assertThat(s.environmentVariable())
                        .isEqualTo(s.name().replace('.', '_').replace('-', '_').toUpperCase()));
    }

    @Test
    void aBadValueIsRefusedWithTheVariableWhatItHoldsAndWhatItMustBe() {
        Setting<?> failures = declared.get("DODAM_SIGNIN_ACCOUNT_FAILURES");
        assertThatThrownBy(() -> failures.parse(Optional.of("many")))
                .isInstanceOf(Setting.Invalid.class)
                .hasMessageContaining("DODAM_SIGNIN_ACCOUNT_FAILURES")
                .hasMessageContaining("'many'")
                .hasMessageContaining("a whole number from 1 to")
                .hasMessageContaining("(default 5)");
        assertThatThrownBy(() -> failures.parse(Optional.of("0"))).isInstanceOf(Setting.Invalid.class);
        assertThat(failures.parse(Optional.of(" 7 "))).isEqualTo(7);
        assertThat(failures.parse(Optional.of("  "))).as("blank is unset").isEqualTo(5);

        assertThatThrownBy(() -> declared.get("DODAM_TIME_ZONE").parse(Optional.of("Asia/Busan")))
                .hasMessageContaining("DODAM_TIME_ZONE")
                .hasMessageContaining("a time zone");
        assertThatThrownBy(() -> declared.get("DODAM_PUBLIC_URL").parse(Optional.of("dodam.school.example")))
                .hasMessageContaining("DODAM_PUBLIC_URL")
                .hasMessageContaining("https://");
        assertThat(declared.get("DODAM_PUBLIC_URL")
                        .parse(Optional.of("https://dodam.school.example"))
                        .toString())
                .isEqualTo("https://dodam.school.example/");
        assertThatThrownBy(() -> declared.get("DODAM_DB_URL").parse(Optional.of("jdbc:mysql://db/dodam")))
                .hasMessageContaining("DODAM_DB_URL")
                .hasMessageContaining("or left unset");
        assertThatThrownBy(() -> declared.get("DODAM_TRUSTED_PROXIES").parse(Optional.of("10.0.0.1, proxy.school")))
                .hasMessageContaining("DODAM_TRUSTED_PROXIES");
        assertThatThrownBy(() -> declared.get("DODAM_DEMO").parse(Optional.of("maybe")))
                .hasMessageContaining("true, false or auto");
        assertThatThrownBy(() -> declared.get("DODAM_SMTP_STARTTLS").parse(Optional.of("sometimes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> declared.get("DODAM_SETUP_COUNTRY").parse(Optional.of("FR")))
                .hasMessageContaining("AU, GB, KR, US");
        assertThatThrownBy(() -> declared.get("DODAM_SETUP_ADMIN").parse(Optional.of("head teacher")))
                .hasMessageContaining("DODAM_SETUP_ADMIN")
                .hasMessageContaining("a username");
        assertThatThrownBy(() -> declared.get("DODAM_CONTENT_DIR").parse(Optional.of("/no/such/course-content")))
                .hasMessageContaining("DODAM_CONTENT_DIR");
    }

    @Test
    void settingsThatMustFitTogetherAreRefusedTogether() {
        assertThatThrownBy(() ->
                        new ReportsSettings.Notices(Duration.ofSeconds(7), Duration.ofHours(1), Duration.ofSeconds(1)))
                .isInstanceOf(Setting.Invalid.class)
                .hasMessageContaining("DODAM_NOTIFY_EVERY_SECONDS (3600)")
                .hasMessageContaining("DODAM_NOTIFY_URGENT_EVERY_SECONDS (7)");
        assertThatThrownBy(() -> new ReportsSettings.Notices(
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(8)))
                .hasMessageContaining("DODAM_NOTIFY_JITTER_SECONDS (8)");
        assertThat(new ReportsSettings.Notices(Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(7))
                        .every())
                .isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void aSecretIsNeverInTheMessage() {
        assertThatThrownBy(() -> declared.get("DODAM_SETUP_ADMIN_PASSWORD").parse(Optional.of("short")))
                .hasMessageContaining("DODAM_SETUP_ADMIN_PASSWORD")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> declared.get("DODAM_DEMO_PASSWORD").parse(Optional.of("tiny-pw")))
                .hasMessageContaining("DODAM_DEMO_PASSWORD")
                .hasMessageNotContaining("tiny-pw");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(declared.get("DODAM_NOTIFY_EVERY_SECONDS").defaultValue()).isEqualTo(Duration.ofHours(1));
        assertThat(declared.get("DODAM_REPORT_RETENTION_DAYS").defaultValue()).isEqualTo(Duration.ofDays(365));
        assertThat(declared.get("DODAM_SMTP_HOST").defaultValue()).isEqualTo(Optional.empty());
        assertThat(declared.values()).allSatisfy(s -> assertThat(s.expected()).isNotBlank());
    }

    /**
     * Each row of the README's table names one or more variables and their defaults (one for all, or one each, in
     * order): every declared setting is in exactly one row, every variable of the table is declared, a literal
     * default in code is the literal in the table, and a setting without one is not shown with a literal.
     */
    @Test
    void theReadmeTableListsExactlyTheDeclaredSettingsWithTheirDefaults() throws IOException {
        Map<String, String> table = readmeDefaults(Path.of("README.md"));
        Set<String> expected = new java.util.TreeSet<>(declared.keySet());
        expected.addAll(BENCH_ONLY);
        assertThat(new java.util.TreeSet<>(table.keySet())).isEqualTo(expected);
        for (Setting<?> setting : declared.values()) {
            String cell = table.get(setting.environmentVariable());
            if (setting.defaultText().isPresent()) {
                assertThat(cell)
                        .as("README default of " + setting)
                        .startsWith("`" + setting.defaultText().get() + "`");
            } else {
                assertThat(cell)
                        .as("README default of " + setting + ", which has none in code")
                        .satisfiesAnyOf(
                                c -> assertThat(c).isEqualTo("–"),
                                c -> assertThat(c).doesNotStartWith("`"),
                                c -> assertThat(c).startsWith("`").contains("${"));
            }
        }
    }

    static final Pattern VARIABLE = Pattern.compile("`(DODAM_[A-Z0-9_]+)`");

    static Map<String, String> readmeDefaults(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a Configuration section").isPositive();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : text.substring(start).split("\n")) {
            if (!line.startsWith("| `DODAM_")) {
                continue;
            }
            String[] cells = line.split(" \\| ", 3);
            List<String> variables = new ArrayList<>();
            Matcher m = VARIABLE.matcher(cells[0]);
            while (m.find()) {
                variables.add(m.group(1));
            }
            List<String> parts = List.of(cells[1].strip().split(", | / "));
            assertThat(parts.size()).as("defaults of " + variables).isIn(1, variables.size());
            for (int i = 0; i < variables.size(); i++) {
                String before = defaults.put(variables.get(i), parts.size() == 1 ? parts.get(0) : parts.get(i));
                assertThat(before)
                        .as(variables.get(i) + " is in one row of the table")
                        .isNull();
            }
        }
        return defaults;
    }
}
