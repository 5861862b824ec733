package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the terms two texts share into what a reason shows: overlapping bigrams chained back into the phrase they
 * came from ("hệ thống" + "thống cảnh" + "cảnh báo" → "hệ thống cảnh báo"), words already inside a shown phrase
 * left out, strongest first.
 */
final class Phrases {

    /** A shared term: its key (words without diacritics, space separated), its display form and its weight. */
    record Piece(String key, String display, double contribution) {
        String[] keys() {
            return key.split(" ");
        }

        String[] displays() {
            return display.split(" ");
        }
    }

    private Phrases() {
    }

    static List<String> join(List<Piece> pieces, int limit) {
        return pieces(pieces).stream().limit(limit).map(Piece::display).toList();
    }

    /** The pieces chained into phrases, strongest first. */
    static List<Piece> pieces(List<Piece> pieces) {
        Map<String, Piece> bigramByFirstWord = new HashMap<>();
        Map<String, Integer> starts = new HashMap<>();
        Map<String, Integer> ends = new HashMap<>();
        Set<String> secondWords = new HashSet<>();
        List<Piece> words = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.keys().length == 2) {
                bigramByFirstWord.putIfAbsent(piece.keys()[0], piece);
                secondWords.add(piece.keys()[1]);
                starts.merge(piece.keys()[0], 1, Integer::sum);
                ends.merge(piece.keys()[1], 1, Integer::sum);
            } else {
                words.add(piece);
            }
        }
        // Chain only through a word that starts one bigram and ends one: "health" in "electronic health records"
        // and "ward health stations" would otherwise glue the two into "electronic health stations".
        bigramByFirstWord.keySet().removeIf(word -> starts.get(word) > 1 || ends.getOrDefault(word, 0) > 1);
        List<Piece> phrases = new ArrayList<>();
        Set<Piece> used = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Piece start : pieces) {
            boolean chainStart = start.keys().length == 2 && !used.contains(start)
                    && !secondWords.contains(start.keys()[0]);
            if (chainStart) {
                phrases.add(chain(start, bigramByFirstWord, used, covered));
            }
        }
        for (Piece rest : pieces) {
            if (rest.keys().length == 2 && !used.contains(rest)) {
                phrases.add(chain(rest, bigramByFirstWord, used, covered)); // part of a cycle: cut anywhere
            }
        }
        for (Piece word : words) {
            if (!covered.contains(word.key())) {
                phrases.add(word);
            }
        }
        phrases.sort(Comparator.comparingDouble(Piece::contribution).reversed());
        return phrases;
    }

    private static Piece chain(Piece start, Map<String, Piece> next, Set<Piece> used, Set<String> covered) {
        StringBuilder key = new StringBuilder(start.key());
        StringBuilder display = new StringBuilder(start.display());
        double contribution = start.contribution();
        used.add(start);
        covered.add(start.keys()[0]);
        covered.add(start.keys()[1]);
        Piece current = start;
        for (int length = 2; length < 8; length++) {
            Piece following = next.get(current.keys()[1]);
            if (following == null || used.contains(following)) {
                break;
            }
            used.add(following);
            covered.add(following.keys()[1]);
            key.append(' ').append(following.keys()[1]);
            display.append(' ').append(following.displays()[1]);
            contribution += following.contribution();
            current = following;
        }
        return new Piece(key.toString(), display.toString(), contribution);
    }
}
