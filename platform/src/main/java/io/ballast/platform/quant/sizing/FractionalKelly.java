package io.ballast.platform.quant.sizing;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Fractional Kelly sizing of a bet won with probability {@code p} that pays {@code b} times the
 * stake when won and loses the stake otherwise. The Kelly criterion (Kelly 1956) maximises
 * expected log wealth with {@code f* = p - (1 - p) / b}; betting a fraction of it trades some growth
 * for much less variance (half Kelly keeps three quarters of the growth rate). The position is
 * {@code kellyFraction * f*}, floored at 0: a bet with negative edge is not taken (and not shorted).
 *
 * @param kellyFraction the share of full Kelly to bet, in (0, 1]; 0.5 is the common "half Kelly"
 */
public record FractionalKelly(double kellyFraction) {

    /** Half Kelly. */
    public static final double DEFAULT_KELLY_FRACTION = 0.5;

    public FractionalKelly {
        if (!(kellyFraction > 0 && kellyFraction <= 1)) {
            throw new InvalidInputException("kellyFraction", "must lie in (0, 1], got " + kellyFraction);
        }
    }

    public static FractionalKelly half() {
        return new FractionalKelly(DEFAULT_KELLY_FRACTION);
    }

    /** Full Kelly {@code p - (1 - p) / b}, negative when the bet has negative edge. */
    public static double fullKellyFraction(double winProbability, double payoffRatio) {
        if (!(winProbability >= 0 && winProbability <= 1)) {
            throw new InvalidInputException("winProbability", "must lie in [0, 1], got " + winProbability);
        }
        if (!(payoffRatio > 0) || Double.isInfinite(payoffRatio)) {
            throw new InvalidInputException("payoffRatio", "must be a finite number above 0 (average win over average loss), got "
                    + payoffRatio);
        }
        return winProbability - (1 - winProbability) / payoffRatio;
    }

    /** {@code max(0, kellyFraction * (p - (1 - p) / b))}, a fraction of capital. */
    public double positionFraction(double winProbability, double payoffRatio) {
        return Math.max(0, kellyFraction * fullKellyFraction(winProbability, payoffRatio));
    }
}
