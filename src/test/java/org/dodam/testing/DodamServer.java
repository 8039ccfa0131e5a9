package org.dodam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real WAR on a real Payara Micro, started as its own process the way a school runs it, with its
 * configuration in environment variables. Servers are shared by name for the whole test run, because
 * each start costs about 20 seconds on two cores, and stopped when the test JVM exits.
 */
public final class DodamServer {

    public static final String DEMO_PASSWORD = "it-demo-pass-2026";

    /**
     * The code of the school the tests sign in to: the demo school's, and the one {@link Postgres#schoolLikeTheDemo}
     * sets up. The sign-in form asks for it once a test has added a second school to the server.
     */
    public static final String SCHOOL = "dodam";

    private static final Map<String, DodamServer> SHARED = new ConcurrentHashMap<>();

    private final String name;
    private final Process process;
    private final URI base;
    private final Path directory;

    private final String databaseUrl;

    private DodamServer(String name, Process process, URI base, Path directory, String databaseUrl) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.directory = directory;
        this.databaseUrl = databaseUrl;
    }

    /**
     * The embedded-H2 server with the demo school, shared by every test that needs no special set-up. It trusts
     * the loopback address as its proxy, as a school's server trusts its HTTPS proxy, so that a test can speak as
     * another client with {@code X-Forwarded-For}; without that header every test is the client 127.0.0.1. Its
     * database can be opened beside it ({@link #databaseUrl()}), to add a second school or count kept records.
     */
    public static DodamServer embedded() {
        return shared("h2", Map.of("DODAM_TRUSTED_PROXIES", "127.0.0.1", "DODAM_DB_URL", openBeside("h2")));
    }

    /**
     * The URL of the embedded database of the server of this name, with AUTO_SERVER, so that a test can open it
     * while the server runs (the first process to open the file serves it to the others).
     */
    public static String openBeside(String name) {
        return "jdbc:h2:file:"
                + Path.of("target", "it-servers", name, "data", "dodam").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static DodamServer shared(String name, Map<String, String> environment) {
        return SHARED.computeIfAbsent(name, n -> start(n, environment, true));
    }

    /**
     * A server of the test's own, which the test stops. With {@code freshData} false it keeps the data
     * directory (and the server log) of the previous server of the same name, as a restart does.
     */
    public static DodamServer start(String name, Map<String, String> environment, boolean freshData) {
        return start(name, environment, freshData, System.getProperty("dodam.war", "target/dodam.war"));
    }

    /**
     * A server of the test's own running the bench build (target/dodam-bench.war: the WAR a school runs plus
     * src/bench, with the SQL statement counter and the floor page), which the test stops.
     */
    public static DodamServer startBench(String name, Map<String, String> environment) {
        return start(name, environment, true, System.getProperty("dodam.benchWar", "target/dodam-bench.war"));
    }

    private static DodamServer start(String name, Map<String, String> environment, boolean freshData, String war) {
        try {
            Path directory = Path.of("target", "it-servers", name).toAbsolutePath();
            if (freshData) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            // Payara Micro's own files live beside the server's log and data, not in /tmp, so that a test can
            // see every file the server writes; each start unpacks a fresh runtime there, as from /tmp.
            Path runtime = directory.resolve("payara");
            deleteRecursively(runtime);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:MaxMetaspaceSize=256m",
                    "-jar",
                    System.getProperty("dodam.micro", "target/payara-micro.jar"),
                    "--deploy",
                    war,
                    "--contextroot",
                    "/",
                    "--port",
                    String.valueOf(port),
                    "--nohazelcast",
                    "--rootdir",
                    runtime.toString(),
                    "--prebootcommandfile",
                    System.getProperty("dodam.bootCommands", "target/pre-boot-commands.txt")));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("server.log").toFile()));
            builder.environment()
                    .put("DODAM_DATA_DIR", directory.resolve("data").toString());
            builder.environment().put("DODAM_DEMO_PASSWORD", DEMO_PASSWORD);
            // The tests' servers ask for the demo school, as the README's run command does, unless told otherwise;
            // an empty value leaves a variable unset, as on a school's server.
            builder.environment().put("DODAM_DEMO", "true");
            builder.environment().putAll(environment);
            environment.forEach((key, value) -> {
                if (value.isEmpty()) {
                    builder.environment().remove(key);
                }
            });
            Process process = builder.start();
            DodamServer server = new DodamServer(
                    name,
                    process,
                    URI.create("http://127.0.0.1:" + port + "/"),
                    directory,
                    builder.environment().get("DODAM_DB_URL"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.awaitReady(Duration.ofMinutes(3));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro '" + name + "' exited:\n" + logTail());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(base.resolve("health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        // Killed, so that a later start of the same name does not find this one holding its files and port.
        kill();
        throw new IllegalStateException("Payara Micro '" + name + "' was not ready in time:\n" + logTail());
    }

    public URI base() {
        return base;
    }

    /** What a browser on the server's own pages sends as {@code Origin}: scheme, host and port. */
    public String origin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** The JDBC URL of this server's database, for a test that opens it beside the server. */
    public String databaseUrl() {
        if (databaseUrl == null || !databaseUrl.contains("AUTO_SERVER=TRUE") && databaseUrl.startsWith("jdbc:h2:")) {
            throw new IllegalStateException(
                    "Payara Micro '" + name + "' was not started with a database to open beside it");
        }
        return databaseUrl;
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Path log() {
        return directory.resolve("server.log");
    }

    /**
     * The SQL statement counts the bench build logged (DODAM_SQL_COUNT) for GETs of that page (a path such as
     * {@code /counsellor/index.xhtml}), oldest first.
     */
    public List<Integer> statementCounts(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
                        "SQL statements: (\\d+) GET " + java.util.regex.Pattern.quote(page) + "\\b")
                .matcher(logText());
        List<Integer> counts = new ArrayList<>();
        while (matcher.find()) {
            counts.add(Integer.parseInt(matcher.group(1)));
        }
        return counts;
    }

    /**
     * The statement count of the page's next request after the {@code seen} ones already logged, waiting up to five
     * seconds for the server to write it.
     */
    public int nextStatementCount(String page, int seen) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Integer> counts = statementCounts(page);
            if (counts.size() > seen) {
                return counts.get(counts.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server logged no statement count for " + page);
    }

    public String logText() {
        try {
            return new String(Files.readAllBytes(log()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of everything this server writes: its log, its data and Payara Micro's own files. */
    public Path directory() {
        return directory;
    }

    public Path dataDirectory() {
        return directory.resolve("data");
    }

    private String logTail() {
        String text;
        try {
            text = new String(Files.readAllBytes(log()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the server process at once (SIGKILL), as a crash or a pulled plug would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
