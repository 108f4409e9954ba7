package io.ballast.platform.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads NUMERIC columns back as the number that was stored, without the column's padding zeros. */
final class Decimals {

    private Decimals() {
    }

    /**
     * A NUMERIC(24, 8) column gives {@code 110.00000000} for a stored {@code 110}; both vendors pad
     * alike, but callers (and JSON) should see {@code 110}. Never a negative scale ({@code 1.1E+2}).
     */
    static BigDecimal read(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
