package org.dodam.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dodam.platform.settings.Setting;
import org.dodam.platform.settings.Settings;
import org.dodam.platform.web.ClientAddress;
import org.eclipse.microprofile.config.Config;

/**
 * The platform's settings, which every feature may read: where the data lives, the database, whether the demo
 * school is made, the school's time zone, the public address and the proxy in front of Dodam, the mail server and
 * the master key. Each is declared once below with its default and its rule (see {@link Setting}); the features
 * keep their own settings in a holder of their own ({@code SignInSettings}, {@code ReportsSettings}, ...).
 */
@ApplicationScoped
public class PlatformSettings implements Settings {

    static final Setting<String> DATA_DIR = Setting.of("dodam.data.dir", "./data", "a directory", text -> {
        Path.of(text);
        return text;
    });
    /** Unset: the embedded H2 database in the data directory (see {@link #embeddedDatabaseUrl}). */
    static final Setting<Optional<String>> DB_URL =
            Setting.optional("dodam.db.url", "a jdbc:h2: or jdbc:postgresql: URL", PlatformSettings::databaseUrl);

    static final Setting<String> DB_USER = Setting.of("dodam.db.user", "dodam", "a user name", text -> text);
    static final Setting<String> DB_PASSWORD =
            Setting.of("dodam.db.password", "dodam", "a password", text -> text).secret();
    static final Setting<DemoMode> DEMO = Setting.of("dodam.demo", "false", "true, false or auto", DemoMode::parse);
    static final Setting<ZoneId> TIME_ZONE = Setting.zone("dodam.time-zone", "Asia/Seoul");
    static final Setting<URI> PUBLIC_URL = Setting.webAddress("dodam.public-url", "http://localhost:8080/");
    static final Setting<Duration> HSTS_MAX_AGE = Setting.seconds("dodam.hsts.max-age", 31_536_000, 0);
    static final Setting<Optional<List<ClientAddress.Range>>> TRUSTED_PROXIES = Setting.optional(
            "dodam.trusted-proxies",
            "IP addresses or CIDR ranges, comma-separated (10.0.0.5, 192.168.0.0/24)",
            ClientAddress.Range::list);
    static final Setting<Optional<String>> SMTP_HOST = Setting.optionalText("dodam.smtp.host");
    static final Setting<Integer> SMTP_PORT = Setting.whole("dodam.smtp.port", 25, 1, 65_535);
    static final Setting<String> SMTP_FROM =
            Setting.of("dodam.smtp.from", "dodam@localhost", "an e-mail address", text -> {
                if (!text.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new IllegalArgumentException("not an e-mail address");
                }
                return text;
            });
    static final Setting<Optional<String>> SMTP_USER = Setting.optionalText("dodam.smtp.user");
    static final Setting<Optional<String>> SMTP_PASSWORD =
            Setting.optionalText("dodam.smtp.password").secret();
    static final Setting<Boolean> SMTP_STARTTLS = Setting.flag("dodam.smtp.starttls", false);
    /** Checked, as base64 of 32 bytes per line, by {@code MasterKey}, which names the variable too. */
    static final Setting<Optional<String>> MASTER_KEY =
            Setting.optionalText("dodam.master-key").secret();
    /** Unset: {@code master.key} in the data directory. */
    static final Setting<Optional<Path>> MASTER_KEY_FILE =
            Setting.optional("dodam.master-key.file", "a file name", Path::of);

    static final Setting<Duration> MASTER_KEY_CHECK = Setting.seconds("dodam.master-key.check-seconds", 60, 1);

    @Inject
    Config config;

    private Path dataDirectory;
    private DatabaseLogin database;
    private DemoMode demo;
    private ZoneId timeZone;
    private URI publicUrl;
    private Duration hstsMaxAge;
    private List<ClientAddress.Range> trustedProxies;
    private Optional<Mail> mail;
    private Optional<String> masterKey;
    private Path masterKeyFile;
    private Duration masterKeyCheck;

    /** Where the database is and who Dodam signs in to it as. */
    public record DatabaseLogin(String url, String user, String password) {
        /** The embedded database is H2 in a file; anything else counts as a production database. */
        public boolean embedded() {
            return url.startsWith("jdbc:h2:");
        }
    }

    /** The mail server, when DODAM_SMTP_HOST names one. */
    public record Mail(
            String host, int port, String from, Optional<String> user, Optional<String> password, boolean startTls) {}

    @PostConstruct
    void read() {
        dataDirectory = Path.of(DATA_DIR.read(config)).toAbsolutePath().normalize();
        database = database(config);
        demo = DEMO.read(config);
        timeZone = TIME_ZONE.read(config);
        publicUrl = PUBLIC_URL.read(config);
        hstsMaxAge = HSTS_MAX_AGE.read(config);
        trustedProxies = TRUSTED_PROXIES.read(config).orElse(List.of());
        int port = SMTP_PORT.read(config);
        String from = SMTP_FROM.read(config);
        Optional<String> user = SMTP_USER.read(config);
        Optional<String> password = SMTP_PASSWORD.read(config);
        boolean startTls = SMTP_STARTTLS.read(config);
        mail = SMTP_HOST.read(config).map(host -> new Mail(host, port, from, user, password, startTls));
        masterKey = MASTER_KEY.read(config);
        masterKeyFile = MASTER_KEY_FILE
                .read(config)
                .orElse(dataDirectory.resolve("master.key"))
                .toAbsolutePath()
                .normalize();
        masterKeyCheck = MASTER_KEY_CHECK.read(config);
    }

    /**
     * The database settings alone, for the data source, which the server makes before any bean: the one other
     * place they are read, through the same constants.
     */
    public static DatabaseLogin database(Config config) {
        String url = DB_URL.read(config).orElseGet(() -> embeddedDatabaseUrl(DATA_DIR.read(config)));
        return new DatabaseLogin(url, DB_USER.read(config), DB_PASSWORD.read(config));
    }

    /**
     * H2 in a file in the data directory, written at every commit (nothing committed is lost if the process is
     * killed) and closed by H2 itself when the JVM stops, so that a stopped server leaves a complete file.
     */
    static String embeddedDatabaseUrl(String dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory + "/dodam;AUTO_SERVER=FALSE;WRITE_DELAY=0";
    }

    private static String databaseUrl(String text) {
        if (!text.startsWith("jdbc:h2:") && !text.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database");
        }
        return text;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public DatabaseLogin database() {
        return database;
    }

    /** The embedded database is H2 in a file; anything else counts as a production database. */
    public boolean embeddedDatabase() {
        return database.embedded();
    }

    public DemoMode demoMode() {
        return demo;
    }

    /** The school's time zone, for due dates and a report's day; read through {@link SchoolClock}. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The address people use, ending in {@code /}: in e-mails, on sign-in slips. */
    public URI publicUrl() {
        return publicUrl;
    }

    /** A page at the public address, for links that leave the browser (e-mails, printed slips). */
    public String publicPage(String path) {
        return publicUrl.resolve(path).toString();
    }

    /** Whether people reach Dodam over HTTPS (through the school's proxy): cookies are then Secure, with HSTS. */
    public boolean https() {
        return publicUrl.getScheme().toLowerCase(Locale.ROOT).equals("https");
    }

    public Duration hstsMaxAge() {
        return hstsMaxAge;
    }

    /** The proxies whose forwarded headers are believed; empty when none is trusted. */
    public List<ClientAddress.Range> trustedProxies() {
        return trustedProxies;
    }

    /** The mail server; empty when no e-mail is sent. */
    public Optional<Mail> mail() {
        return mail;
    }

    /** The master key given inline (base64, one key a line); empty when it is read from {@link #masterKeyFile()}. */
    public Optional<String> masterKey() {
        return masterKey;
    }

    public Path masterKeyFile() {
        return masterKeyFile;
    }

    /** How often the key file is read again, to take up a rotated key. */
    public Duration masterKeyCheck() {
        return masterKeyCheck;
    }

    /**
     * Whether the demo school is created: only when asked for ({@code true}, refused on any database but the
     * embedded one; {@code auto}: on the embedded database only). By default a start creates nothing but what the
     * set-up variables say.
     */
    public enum DemoMode {
        AUTO,
        TRUE,
        FALSE;

        static DemoMode parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "true", "on", "yes" -> TRUE;
                case "false", "off", "no" -> FALSE;
                default -> throw new IllegalArgumentException("not a demo mode");
            };
        }
    }
}
