package org.b2g.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Published optima (total breaks) of benchmark instances, by instance name; facts from the literature. */
final class KnownOptima {

    private static final String RESOURCE = "known-optima.csv";

    private final Map<String, Integer> optimum;

    private KnownOptima(Map<String, Integer> optimum) {
        this.optimum = optimum;
    }

    static KnownOptima load() {
        Map<String, Integer> optimum = new HashMap<>();
        try (InputStream in = KnownOptima.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                optimum.put(cells[0].trim(), Integer.parseInt(cells[cells.length - 1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownOptima(optimum);
    }

    /** The optimum of an instance, or null when unknown. */
    Integer of(String instance) {
        return optimum.get(instance);
    }
}
