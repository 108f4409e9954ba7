package io.ballast.api.risk;

/** The checks every fact makes of its numbers, with one wording: {@code <field> of <whose> must be ...}. */
final class FactNumbers {

    private FactNumbers() {
    }

    /** @param whose names the fact, e.g. {@code AAPL}, {@code trade t1}, {@code portfolio p1} */
    static void requirePositive(String whose, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " of " + whose + " must be a positive number: " + value);
        }
    }

    static void requireFinite(String whose, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " of " + whose + " must be a finite number: " + value);
        }
    }
}
