package org.b2g.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.cli.Durations;
import org.b2g.core.io.InputException;
import org.b2g.service.http.Api;

/**
 * Starts the service: {@code serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--db JDBC_URL]}, or {@code demo},
 * which also loads and solves the sample event and prints where to look. Both listen on loopback unless
 * {@code --host} opens them: the service speaks plain HTTP, so outside access belongs behind a TLS proxy.
 */
public final class Main {

    private static final String USAGE = "usage: b2g serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--db JDBC_URL]"
            + " | b2g demo [--host 127.0.0.1] [--port 8080] [--data DIR] [--time-limit 10s]";

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine.main(args.length == 0 ? "" : args[0], args, Main::run);
    }

    private static int run(List<String> args, PrintStream out, PrintStream err) {
        String verb = args.isEmpty() ? "" : args.get(0);
        if (!verb.equals("serve") && !verb.equals("demo")) {
            err.println((verb.isEmpty() ? "b2g: a verb is missing." : "b2g: unknown verb (" + verb + ").") + "\n"
                    + USAGE);
            return CommandLine.BAD_INPUT;
        }
        Config config = config(options(verb, args.subList(1, args.size())));
        quietLibraries(verb.equals("demo"));
        try {
            // Checked before the database opens: a wrong environment stops the start before anything is written.
            Credentials.requireAdminToken(System.getenv("B2G_ADMIN_TOKEN"));
            if (verb.equals("serve")) {
                serve(config);
            } else {
                Demo.run(config);
            }
        } catch (BadConfigurationException e) {
            // One line and exit code 2, as for a bad option: the operator fixes a value, a stack trace helps nobody.
            throw new InputException("b2g " + verb + ": " + e.getMessage());
        }
        return CommandLine.KEEP_RUNNING;
    }

    /** Held so that the levels set below stay set (java.util.logging keeps loggers only weakly). */
    private static final List<Logger> QUIETED = new ArrayList<>();

    /**
     * OptaPlanner logs every solve at INFO (phases, scores, speeds): what the service says about a job is in its
     * status; HikariCP logs every pool start and stop. The demo also drops Helidon's and Flyway's start-up lines, so
     * that its own output (the links to open) stays on one screen. Warnings and errors still come through.
     */
    static void quietLibraries(boolean demo) {
        List<String> names = demo ? List.of("org.optaplanner", "com.zaxxer.hikari", "io.helidon", "org.flywaydb")
                : List.of("org.optaplanner", "com.zaxxer.hikari");
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** The API and, when the web pages are on the classpath, the pages at {@code /}. */
    static void routing(HttpRouting.Builder routing, Backend backend) {
        Api.register(routing, backend);
        if (Main.class.getResource("/web/index.html") != null) {
            routing.register("/", StaticContentService.builder("web").welcomeFileName("index.html").build());
        }
    }

    /**
     * {@code application.yaml} under Java system properties (e.g. {@code -Db2g.job-lease=5s}, for settings the command
     * line has no option for), under the command line's settings.
     */
    static Config config(Map<String, String> overrides) {
        return Config.just(ConfigSources.create(overrides), ConfigSources.systemProperties(),
                ConfigSources.classpath("application.yaml"));
    }

    /** Starts the server on {@code config}; it stops, and the backend closes, when the JVM exits. */
    static Running start(Config config) {
        Settings settings = Settings.from(config);
        Backend backend = Backend.open(settings);
        Credentials credentials = backend.credentials();
        WebServer server;
        try {
            server = WebServer.builder()
                    .config(config.get("server"))
                    .routing(routing -> routing(routing, backend))
                    .directHandlers(handlers -> Api.registerDirect(handlers, config.get(
                            "server.protocols.http_1_1.max-prologue-length").asInt().orElse(4096)))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        Running running = new Running(server, backend, config.get("server.host").asString().orElse("127.0.0.1"));
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "b2g-shutdown"));
        // Where the token is, never the token itself: output ends up in logs.
        System.out.println("Organizer token: " + (credentials.generatedAdminToken() ? "generated into " : "in ")
                + tokenPlace(settings, credentials));
        return running;
    }

    /** Where the organizer token comes from, for people to look it up. */
    static String tokenPlace(Settings settings, Credentials credentials) {
        String env = System.getenv("B2G_ADMIN_TOKEN");
        return env != null && !env.isBlank() ? "$B2G_ADMIN_TOKEN"
                : settings.jdbcUrl().startsWith("jdbc:postgresql:")
                        ? "the database (SELECT secret FROM service_secrets WHERE name = 'admin-token')"
                : settings.dataDir().resolve(Credentials.ADMIN_TOKEN_FILE).toAbsolutePath().normalize().toString();
    }

    /** A started server, its backend and the host it listens on. */
    record Running(WebServer server, Backend backend, String host) {
        String url() {
            boolean any = host.equals("0.0.0.0") || host.equals("::") || host.isBlank();
            String shown = any ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
            return "http://" + shown + ":" + server.port();
        }

        void stop() {
            if (server.isRunning()) {
                server.stop();
            }
            backend.close();
        }
    }

    private static void serve(Config config) {
        Running running = start(config);
        System.out.println("B2G service on " + running.url() + "  (API: " + running.url() + "/api/openapi, data: "
                + running.backend().settings().dataDir().toAbsolutePath().normalize() + ")");
    }

    /** Maps {@code --host}, {@code --port}, {@code --data}, {@code --db} and {@code --time-limit} to configuration keys. */
    static Map<String, String> options(String verb, List<String> args) {
        Map<String, String> keys = Map.of("host", "server.host", "port", "server.port", "data", "b2g.data",
                "db", "b2g.db", "time-limit", "b2g.demo-time-limit");
        Arguments arguments = Arguments.parse(verb, args, keys.keySet());
        if (!arguments.positional().isEmpty()) {
            throw new InputException("b2g " + verb + ": unexpected argument '" + arguments.positional().get(0)
                    + "'; " + USAGE);
        }
        Map<String, String> overrides = new HashMap<>();
        keys.forEach((option, key) -> {
            if (arguments.has(option)) {
                overrides.put(key, arguments.option(option, null));
            }
        });
        if (arguments.has("port")) {
            overrides.put("server.port", String.valueOf(arguments.intOption("port", 8080, 0, 65535)));
        }
        if (arguments.has("time-limit")) {
            arguments.durationOption("time-limit", null); // checked now, not after the server started
        }
        return overrides;
    }

    static String resource(String name) {
        try (InputStream in = Main.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    static Duration demoTimeLimit(Config config) {
        return Durations.parse("--time-limit", config.get("b2g.demo-time-limit").asString().orElse("10s"));
    }

}
