package org.b2g.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

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
        if (args.length == 0) {
            fail(USAGE);
        }
        Map<String, String> overrides;
        try {
            overrides = options(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            fail("b2g " + args[0] + ": " + e.getMessage() + "\n" + USAGE);
            return;
        }
        switch (args[0]) {
            case "serve" -> serve(config(overrides));
            case "demo" -> Demo.run(config(overrides));
            default -> fail("b2g: unknown verb (" + args[0] + ").\n" + USAGE);
        }
    }

    /** The API and, when the web pages are on the classpath, the pages at {@code /}. */
    static void routing(HttpRouting.Builder routing, Backend backend) {
        Api.register(routing, backend);
        if (Main.class.getResource("/web/index.html") != null) {
            routing.register("/", StaticContentService.builder("web").welcomeFileName("index.html").build());
        }
    }

    /** {@code application.yaml} under the command line's settings. */
    static Config config(Map<String, String> overrides) {
        return Config.just(ConfigSources.create(overrides), ConfigSources.classpath("application.yaml"));
    }

    /** Starts the server on {@code config}; it stops, and the backend closes, when the JVM exits. */
    static Running start(Config config) {
        Settings settings = Settings.from(config);
        Credentials credentials = Credentials.load(settings.dataDir(), System.getenv("B2G_ADMIN_TOKEN"));
        Backend backend = Backend.open(settings, credentials);
        WebServer server;
        try {
            server = WebServer.builder()
                    .config(config.get("server"))
                    .routing(routing -> routing(routing, backend))
                    .directHandlers(Api::registerDirect)
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
    static Map<String, String> options(List<String> args) {
        Map<String, String> keys = Map.of("--port", "server.port", "--host", "server.host", "--data", "b2g.data",
                "--db", "b2g.db", "--time-limit", "b2g.demo-time-limit");
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String key = keys.get(args.get(i));
            if (key == null) {
                throw new IllegalArgumentException("unknown option (" + args.get(i) + ").");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + args.get(i) + " needs a value.");
            }
            String value = args.get(++i);
            if (key.equals("server.port") && !value.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("the port (" + value + ") should be a number in 0..65535.");
            }
            overrides.put(key, value);
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

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
