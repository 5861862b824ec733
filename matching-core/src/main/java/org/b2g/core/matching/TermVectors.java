package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF vectors of a collection of short texts (offerings and needs), L2-normalised so that the dot product of two
 * vectors is their cosine. Terms and their written forms are interned to ints: scoring all pairs of a large
 * event then touches arrays only. Forms are {@link Folding.Forms}: a form with Vietnamese diacritics matches only
 * itself and plain forms, a plain form every form of its key.
 */
final class TermVectors {

    /** One text's vector: parallel arrays by position, terms in ascending id order. */
    record Vector(int[] terms, float[] weights, int[] forms) {
        int size() {
            return terms.length;
        }
    }

    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<String> termKeys = new ArrayList<>();
    /** The forms terms are written in, with and without diacritics. */
    private final Folding.Forms written = new Folding.Forms();
    private final List<Vector> vectors = new ArrayList<>();

    /** Title words count twice: a title says what the thing is, a description also says how. */
    TermVectors(List<String[]> titleAndDescription, Tokenizer tokenizer) {
        List<Map<Integer, double[]>> counts = new ArrayList<>(titleAndDescription.size());
        List<Map<Integer, Integer>> forms = new ArrayList<>(titleAndDescription.size());
        List<Integer> documentFrequency = new ArrayList<>();
        for (String[] text : titleAndDescription) {
            Map<Integer, double[]> count = new TreeMap<>(); // by term id: vectors merge-join in id order
            Map<Integer, Integer> form = new HashMap<>();
            add(tokenizer.tokenize(text[0]), 2, count, form);
            add(tokenizer.tokenize(text[1]), 1, count, form);
            for (Integer term : count.keySet()) {
                while (documentFrequency.size() <= term) {
                    documentFrequency.add(0);
                }
                documentFrequency.set(term, documentFrequency.get(term) + 1);
            }
            counts.add(count);
            forms.add(form);
        }
        int n = Math.max(1, titleAndDescription.size());
        for (int d = 0; d < counts.size(); d++) {
            Map<Integer, double[]> count = counts.get(d);
            int[] terms = new int[count.size()];
            float[] weights = new float[count.size()];
            int[] formOf = new int[count.size()];
            double norm = 0;
            int k = 0;
            for (Map.Entry<Integer, double[]> e : count.entrySet()) {
                int term = e.getKey();
                double idf = Math.log(1.0 + (double) n / documentFrequency.get(term));
                double w = (1.0 + Math.log(e.getValue()[0])) * e.getValue()[1] * idf;
                terms[k] = term;
                weights[k] = (float) w;
                formOf[k] = forms.get(d).get(term);
                norm += w * w;
                k++;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (weights[i] / norm);
            }
            vectors.add(new Vector(terms, weights, formOf));
        }
    }

    private void add(List<Term> terms, int times, Map<Integer, double[]> count, Map<Integer, Integer> form) {
        for (Term term : terms) {
            int id = termIds.computeIfAbsent(term.key(), key -> {
                termKeys.add(key);
                return termKeys.size() - 1;
            });
            double[] c = count.computeIfAbsent(id, x -> new double[] {0, term.factor()});
            c[0] += times;
            int f = written.id(new Folding.Folded(term.key(), term.form(), term.accented()));
            // Two different forms of one key in one text: be lenient, as if typed plain.
            form.merge(id, f, Folding.Forms::merge);
        }
    }

    static boolean compatible(int formA, int formB) {
        return Folding.Forms.compatible(formA, formB);
    }

    int termCount() {
        return termKeys.size();
    }

    Vector vector(int document) {
        return vectors.get(document);
    }

    /** A term matched between two texts as people read it: with the diacritics one of them wrote, else A's. */
    String display(int formA, int formB) {
        return written.display(formA, formB);
    }

    /** The term's text without diacritics; a bigram's has a space. */
    String key(int term) {
        return termKeys.get(term);
    }
}
