package org.b2g.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventJson;

/** The sample events shipped with the project, as classpath resources, by name. */
public final class Samples {

    /** Ho Chi Minh City's digital transformation day: 60 startups, 20 agencies (see datasets/README.md). */
    public static final String HCMC_DX_DAY = "hcmc-dx-day";

    private Samples() {
    }

    public static List<String> names() {
        return List.of(HCMC_DX_DAY);
    }

    /** The sample's {@code b2g-event/1} text. */
    public static String json(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("There is no sample named '" + name + "'; samples: " + names() + ".");
        }
        try (InputStream in = Samples.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("The sample '" + name + "' is missing from the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator that made a sample (run it to regenerate the committed file). */
    static EventGenerator generator(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("There is no sample named '" + name + "'; samples: " + names() + ".");
        }
        return EventGenerator.hcmcSample();
    }

    public static Event load(String name) {
        return EventJson.read(json(name), "sample " + name);
    }
}
