package org.b2g.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.b2g.service.TestService;

/** The sample event that {@code ./b2g demo} loads, as a file that a person would pick in the upload form. */
final class SampleEvent {

    private SampleEvent() {
    }

    static Path writeTo(Path folder) {
        try {
            return Files.writeString(folder.resolve(id() + ".json"), TestService.sampleEvent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String id() {
        return TestService.EVENT_ID;
    }
}
