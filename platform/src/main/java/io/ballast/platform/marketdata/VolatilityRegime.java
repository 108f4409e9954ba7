package io.ballast.platform.marketdata;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Calm and turbulent markets: a two-state Markov chain, stepped once a calendar day, that scales
 * every asset's volatility. Turbulence clusters in spells, which gives the returns the fat tails and
 * volatility clustering real markets show.
 *
 * <p>The multipliers are normalised so that their long-run mean square is 1: over many years an
 * asset's realised volatility is its configured {@code annualVolatility}.
 */
final class VolatilityRegime {

    /** Daily chance a calm market turns turbulent: calm spells last 120 days on average. */
    static final double CALM_TO_TURBULENT = 1.0 / 120;
    /** Daily chance a turbulent market calms down: turbulent spells last 30 days on average. */
    static final double TURBULENT_TO_CALM = 1.0 / 30;
    /** Share of days in the turbulent state in the long run (the chain's stationary distribution): 0.2. */
    static final double TURBULENT_FRACTION = CALM_TO_TURBULENT / (CALM_TO_TURBULENT + TURBULENT_TO_CALM);

    private static final double CALM_RAW = 0.8;
    private static final double TURBULENT_RAW = 1.8;
    private static final double NORMALISER = StrictMath.sqrt(
            (1 - TURBULENT_FRACTION) * CALM_RAW * CALM_RAW + TURBULENT_FRACTION * TURBULENT_RAW * TURBULENT_RAW);

    static final double CALM_MULTIPLIER = CALM_RAW / NORMALISER;
    static final double TURBULENT_MULTIPLIER = TURBULENT_RAW / NORMALISER;

    private boolean turbulent;

    /** Starts in a state drawn from the long-run distribution, so the first year is not special. */
    VolatilityRegime(RandomGenerator random) {
        this.turbulent = random.nextDouble() < TURBULENT_FRACTION;
    }

    void step(RandomGenerator random) {
        double draw = random.nextDouble();
        turbulent = turbulent ? draw >= TURBULENT_TO_CALM : draw < CALM_TO_TURBULENT;
    }

    boolean turbulent() {
        return turbulent;
    }

    double volatilityMultiplier() {
        return turbulent ? TURBULENT_MULTIPLIER : CALM_MULTIPLIER;
    }
}
