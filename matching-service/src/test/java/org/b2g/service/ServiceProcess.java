package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** {@code Main serve} in a JVM of its own, as an operator runs it: for tests that kill it or run several replicas. */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("B2G service on (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    final String base;

    private ServiceProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts a service on {@code data} and {@code db} (empty: the data folder's HSQLDB) with the tests' organizer
     * token; {@code properties} are {@code -Dkey=value} settings such as {@code b2g.job-lease=3s}.
     */
    static ServiceProcess start(Path data, String db, String... properties) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("org.b2g.service.Main", "serve", "--port", "0", "--host", "127.0.0.1", "--data",
                data.toString()));
        if (!db.isEmpty()) {
            command.addAll(List.of("--db", db));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("B2G_ADMIN_TOKEN", TestService.ORGANIZER);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.append(line).append('\n');
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String base = url.get(90, TimeUnit.SECONDS);
        if (base == null) {
            process.destroyForcibly();
        }
        assertTrue(base != null, "the service did not start:\n" + seen);
        Thread.ofVirtual().start(() -> out.lines().forEach(line -> { })); // keep its output flowing
        return new ServiceProcess(process, base);
    }

    /** SIGKILL on Linux: no shutdown hook, no checkpoint, no last lease renewal. */
    void kill() throws Exception {
        process.destroyForcibly();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    }

    /** A request with the organizer token. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, TestService.ORGANIZER);
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestService.bearer(token))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
