package org.b2g.service.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Parameters that may be absent, bound as SQL NULL: the repositories' one way of writing an optional column. */
final class Statements {

    private Statements() {
    }

    static void setText(PreparedStatement s, int index, String text) throws SQLException {
        if (text == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, text);
        }
    }
}
