package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.b2g.core.domain.Event;
import org.junit.jupiter.api.Test;

class DznReaderTest {

    /** The benchmark folder, read in place (never copied into the project). */
    static final Path BENCHMARK = Path.of(System.getProperty("b2g.benchmark",
            "../../shared/datasets/b2b-jair22"));

    @Test
    void readsEveryBenchmarkInstanceWithTheCountsOfItsHeader() throws IOException {
        Path dir = BENCHMARK.toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "benchmark not found at " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            long read = files.filter(f -> f.toString().endsWith(".dzn")).peek(f -> {
                Event event = DznReader.read(f);
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                assertEquals(header(text, "nBusiness"), event.participants().size(), f.toString());
                assertEquals(header(text, "nMeetings"), event.meetings().size(), f.toString());
                assertEquals(header(text, "nTotalSlots"), event.slots().size(), f.toString());
                assertEquals(header(text, "nTables"), event.tables().size(), f.toString());
            }).count();
            assertEquals(20, read);
        }
    }

    private static int header(String text, String name) {
        var m = java.util.regex.Pattern.compile(name + "\\s*=\\s*(\\d+)").matcher(text);
        m.find();
        return Integer.parseInt(m.group(1));
    }
}
