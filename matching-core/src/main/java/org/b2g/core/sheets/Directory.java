package org.b2g.core.sheets;

import java.util.HashMap;
import java.util.Map;

/**
 * Looks up what a sheet names by id or by exact name (after trimming and NFC), for participants and for tables.
 * A value that is nobody's id or name gets a suggestion when it differs from a name only in case or diacritics.
 */
final class Directory {

    private final String what;
    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> nameByFolded = new HashMap<>();
    private boolean unknowable;

    /** @param what the kind of thing, for messages ("participant", "table") */
    Directory(String what) {
        this.what = what;
    }

    void add(String id, String name) {
        byId.put(id, id);
        if (name != null && !name.isEmpty()) {
            byName.putIfAbsent(name, id);
            nameByFolded.putIfAbsent(Text.fold(name), name);
        }
    }

    /**
     * The list could not be read (its sheet lacks the id and name columns, an error of its own): what names one of
     * its members is not checked, rather than each reported as unknown.
     */
    void unknowable() {
        unknowable = true;
    }

    boolean containsId(String id) {
        return byId.containsKey(id);
    }

    /** The id of what {@code cell} names; null (with an error recorded) when it names nothing known. */
    String resolve(Cell cell, Problems problems) {
        if (unknowable) {
            return null;
        }
        if (cell.isEmpty()) {
            problems.error(cell.place() + ": is empty; expected a " + what + " id or name");
            return null;
        }
        String id = byId.get(cell.value());
        if (id == null) {
            id = byName.get(cell.value());
        }
        if (id == null) {
            String close = nameByFolded.get(Text.fold(cell.value()));
            problems.bad(cell, "is not a " + what + " id or name" + (close == null ? ""
                    : " (did you mean " + Text.quoted(close) + "?)"));
        }
        return id;
    }
}
