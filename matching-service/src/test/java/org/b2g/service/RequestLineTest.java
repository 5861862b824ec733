package org.b2g.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server reads before routing, as {@code ./b2g serve} configures it: request lines and HEAD. */
class RequestLineTest {

    @TempDir
    static Path data;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        service = ServiceProcess.start(data, "");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theLongestAddressWithIdsTheServiceAcceptsIsRoutedNotRefusedAs414() throws Exception {
        // Ids of the longest lengths the service stores, in Vietnamese: 9 bytes a character once percent-encoded.
        String participant = URLEncoder.encode("ệ".repeat(200), StandardCharsets.UTF_8);
        String meeting = URLEncoder.encode("ệ".repeat(500), StandardCharsets.UTF_8);
        HttpResponse<String> response = service.send("PUT", "/api/events/" + participant + "/participants/"
                + participant + "/meetings/" + meeting + "/attendance?state=held", null);
        assertEquals(404, response.statusCode(), response.body());
        assertThat(ServiceProcess.json(response).getString("detail"), containsString("There is no event"));
    }

    @Test
    void aRequestLineTooLongGetsAProblemSayingWhatIsRead() throws Exception {
        HttpResponse<String> response = service.send("GET", "/api/events/" + "%41".repeat(6000), null);
        assertEquals(414, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(ServiceProcess.json(response).getString("detail"), startsWith("The request line (method, address"
                + " and query) is longer than 16384 bytes, the most the server reads; no address of this API is that"
                + " long"));
    }

    @Test
    void headAnswersWithoutABodyAndTheConnectionGoesOn() throws Exception {
        URI uri = URI.create(service.base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD /api/nothing HTTP/1.1\r\nHost: x\r\n\r\nHEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (!read.toString().endsWith("}")) { // the second answer's body ends the exchange
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String both = read.toString();
            String[] answers = both.split("(?=HTTP/1\\.1 )");
            assertEquals(3, answers.length, both);
            assertThat(answers[0], startsWith("HTTP/1.1 404 Not Found"));
            assertThat("no problem body after a refused head", answers[0], org.hamcrest.Matchers.endsWith("\r\n\r\n"));
            assertThat(answers[1], startsWith("HTTP/1.1 200 OK"));
            assertThat("no body after the head's headers", answers[1], org.hamcrest.Matchers.endsWith("\r\n\r\n"));
            assertThat(answers[2], startsWith("HTTP/1.1 200 OK"));
            assertThat(answers[2], containsString("\"status\":\"UP\""));
        }
    }
}
