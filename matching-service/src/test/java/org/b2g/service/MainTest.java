package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} and {@code demo} do by default: listen on loopback, and never print the organizer token. */
@org.junit.jupiter.api.Tag("embedded-db") // needs no database, or only the embedded one: run once
class MainTest {

    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackUnlessHostOpensIt() {
        assertEquals("127.0.0.1", Main.config(Map.of()).get("server.host").asString().orElseThrow());
        assertEquals("0.0.0.0", Main.config(Main.options("serve", List.of("--host", "0.0.0.0"))).get("server.host")
                .asString().orElseThrow());
    }

    @Test
    void readsOptionsWithTheParserOfEveryVerb() {
        assertEquals(Map.of("server.port", "9000", "b2g.data", "/tmp/x"),
                Main.options("serve", List.of("--port", "9000", "--data=/tmp/x")));
        org.b2g.core.io.InputException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                org.b2g.core.io.InputException.class, () -> Main.options("serve", List.of("--prot", "9000")));
        assertTrue(unknown.getMessage().startsWith("b2g serve: unknown option --prot"), unknown.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(org.b2g.core.io.InputException.class,
                () -> Main.options("demo", List.of("--time-limit", "30")));
    }

    @Test
    void printsWhereTheOrganizerTokenIsButNotTheToken() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Main.Running running;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            running = Main.start(Main.config(Map.of("b2g.data", dir.toString(), "server.port", "0")));
        } finally {
            System.setOut(original);
        }
        try {
            String token = Files.readString(dir.resolve(Credentials.ADMIN_TOKEN_FILE)).strip();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertFalse(output.contains(token), output);
            assertTrue(output.contains(dir.resolve(Credentials.ADMIN_TOKEN_FILE).toString())
                    || System.getenv("B2G_ADMIN_TOKEN") != null, output);
            assertTrue(InetAddress.getByName("127.0.0.1").isLoopbackAddress());
            assertTrue(running.url().startsWith("http://127.0.0.1:"), running.url());
        } finally {
            running.stop();
        }
    }
    @Test
    void aShortOrganizerTokenInTheEnvironmentStopsTheStartWithOneLineAndExitCode2() throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"),
                "org.b2g.service.Main", "serve", "--port", "0", "--data", dir.toString()).redirectErrorStream(true);
        builder.environment().put("B2G_ADMIN_TOKEN", "too-short");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);

        assertEquals(2, process.exitValue(), output);
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(List.of("b2g serve: $B2G_ADMIN_TOKEN has 9 characters; at least 16 are needed."), lines);
    }
}
