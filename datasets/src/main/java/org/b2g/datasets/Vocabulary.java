package org.b2g.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of {@link EventGenerator}: themes with needs and offerings in Vietnamese and English
 * ({@code themes.txt}), and the city's public bodies ({@code agencies.txt}). Kept as text resources so that a
 * domain expert can improve them without touching code.
 */
final class Vocabulary {

    /** A need or an offering in both languages. */
    record Text(String viTitle, String viDescription, String enTitle, String enDescription) {
    }

    record Theme(String tag, List<String> related, List<Text> needs, List<Text> offerings) {
    }

    /** A public body: {@code representatives} officials hold meetings in parallel. */
    record Agency(String id, String viName, String enName, List<String> themes, int representatives) {
    }

    static final List<Theme> THEMES = readThemes();
    static final List<Agency> AGENCIES = readAgencies();

    private Vocabulary() {
    }

    static Theme theme(String tag) {
        return THEMES.stream().filter(t -> t.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalStateException("agencies.txt names an unknown theme: " + tag));
    }

    private static List<Theme> readThemes() {
        List<Theme> themes = new ArrayList<>();
        for (String line : lines("themes.txt")) {
            String[] f = fields(line.substring(line.indexOf(':') + 1));
            if (line.startsWith("theme:")) {
                themes.add(new Theme(f[0], list(f[1]), new ArrayList<>(), new ArrayList<>()));
            } else if (line.startsWith("need:")) {
                themes.get(themes.size() - 1).needs().add(new Text(f[0], f[1], f[2], f[3]));
            } else if (line.startsWith("offer:")) {
                // Offerings are written English first: most startups pitch in English.
                themes.get(themes.size() - 1).offerings().add(new Text(f[2], f[3], f[0], f[1]));
            }
        }
        return themes.stream().map(t -> new Theme(t.tag(), t.related(), List.copyOf(t.needs()),
                List.copyOf(t.offerings()))).toList();
    }

    private static List<Agency> readAgencies() {
        List<Agency> agencies = new ArrayList<>();
        for (String line : lines("agencies.txt")) {
            String[] f = fields(line);
            agencies.add(new Agency(f[0], f[1], f[2], list(f[3]), Integer.parseInt(f[4])));
        }
        return List.copyOf(agencies);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource org/b2g/datasets/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] fields(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
