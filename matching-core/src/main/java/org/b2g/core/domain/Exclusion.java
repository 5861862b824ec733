package org.b2g.core.domain;

/** A pair that must never meet (a conflict of interest, say). */
public record Exclusion(String first, String second, String reason) {

    public boolean covers(String a, String b) {
        return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
    }
}
