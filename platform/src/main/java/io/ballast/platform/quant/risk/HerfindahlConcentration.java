package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Concentration of a portfolio's weights: the Herfindahl(-Hirschman) index {@code H = sum_i w_i^2}
 * of the weights as fractions (1 for a single holding, {@code 1/n} for {@code n} equal weights) and
 * the effective number of assets {@code 1 / H}. Shorts count by their square like longs.
 *
 * @param herfindahlIndex {@code sum_i w_i^2}
 * @param effectiveNumberOfAssets {@code 1 / herfindahlIndex}
 */
public record HerfindahlConcentration(double herfindahlIndex, double effectiveNumberOfAssets) {

    public static HerfindahlConcentration of(double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new InvalidInputException("weights", "must hold at least one weight");
        }
        double index = 0;
        for (double weight : weights) {
            if (!Double.isFinite(weight)) {
                throw new InvalidInputException("weights", "holds a weight that is not a finite number");
            }
            index += weight * weight;
        }
        if (index == 0) {
            throw new InvalidInputException("weights", "every weight is 0: the portfolio holds nothing");
        }
        return new HerfindahlConcentration(index, 1 / index);
    }
}
