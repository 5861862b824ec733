package org.b2g.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.b2g.datasets.Samples;

/** The sample event that {@code ./b2g demo} loads, as a file that a person would pick in the upload form. */
final class SampleEvent {

    private SampleEvent() {
    }

    static Path writeTo(Path folder) {
        try {
            return Files.writeString(folder.resolve(Samples.HCMC_DX_DAY + ".json"), Samples.json(Samples.HCMC_DX_DAY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event's id inside the sample (which is not necessarily its file name). */
    static String id() {
        return Samples.load(Samples.HCMC_DX_DAY).id();
    }
}
