package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Value at Risk and Expected Shortfall of a portfolio over one period at one confidence, both as
 * loss fractions of portfolio value: 0.03 means a loss of 3%; a negative number is a gain (a
 * portfolio whose worst outcomes at that confidence still make money).
 *
 * @param confidence the probability the loss does not exceed the VaR, in (0, 1), e.g. 0.99
 * @param valueAtRiskFraction the loss exceeded with probability {@code 1 - confidence}
 * @param expectedShortfallFraction the mean loss beyond the VaR (method-specific, see each method)
 */
public record TailLoss(double confidence, double valueAtRiskFraction, double expectedShortfallFraction) {

    public TailLoss {
        checkConfidence(confidence);
    }

    /** Rejects a confidence outside (0, 1) naming the field {@code confidence}. */
    static double checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidInputException("confidence", "must lie strictly between 0 and 1, got " + confidence);
        }
        return confidence;
    }
}
