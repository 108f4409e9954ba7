package io.ballast.platform.quant;

/**
 * Deterministic return series written as closed formulas, so the same numbers can be produced in
 * numpy to compute reference values independently of the Java code under test. The python lines
 * in the tests' comments rebuild them with {@code t = np.arange(n)}.
 */
public final class GeneratedSeries {

    private GeneratedSeries() {
    }

    /** {@code 0.01 sin(0.7t + 0.3) + 0.004 cos(1.9t) - 0.0005 + 0.006 sin(0.37t)^3}. */
    public static double[] wavy(int n) {
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = 0.01 * Math.sin(0.7 * t + 0.3) + 0.004 * Math.cos(1.9 * t) - 0.0005 + 0.006 * Math.pow(Math.sin(0.37 * t), 3);
        }
        return r;
    }

    /** {@code 0.008 sin(0.5t + 1) + 0.003 cos(2.3t) + 0.0004}, a benchmark for {@link #wavy}. */
    public static double[] benchmark(int n) {
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = 0.008 * Math.sin(0.5 * t + 1) + 0.003 * Math.cos(2.3 * t) + 0.0004;
        }
        return r;
    }
}
