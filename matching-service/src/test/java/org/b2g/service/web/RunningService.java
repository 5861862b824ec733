package org.b2g.service.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as {@code ./b2g serve} runs it ({@code org.b2g.service.Main serve}), in its own JVM on a free port with
 * a fresh data folder and a known organizer token: the pages are tested against exactly what users start.
 */
final class RunningService implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("B2G service on (http://\\S+)");
    private static final long START_SECONDS = 60;

    private final Process process;
    private final URI base;
    private final String adminToken;

    private RunningService(Process process, URI base, String adminToken) {
        this.process = process;
        this.base = base;
        this.adminToken = adminToken;
    }

    static RunningService start(Path data) {
        String token = UUID.randomUUID().toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath, "org.b2g.service.Main",
                "serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString()))
                .redirectErrorStream(false)
                .redirectError(data.resolve("service.log").toFile());
        builder.environment().put("B2G_ADMIN_TOKEN", token);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<URI> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        started.complete(URI.create(m.group(1)));
                    }
                }
                started.completeExceptionally(new IllegalStateException(
                        "The service exited before it started; see " + data.resolve("service.log")));
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
        }, "b2g-service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new RunningService(process, started.get(START_SECONDS, TimeUnit.SECONDS), token);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The service did not start within " + START_SECONDS + " s: " + e, e);
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    String adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
