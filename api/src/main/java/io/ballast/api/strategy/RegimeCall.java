package io.ballast.api.strategy;

import java.util.Objects;

/**
 * A strategy's call of the regime of the market its universe makes up, for other parts (risk
 * rules, other strategies) to read.
 *
 * @param regime     the regime
 * @param confidence how sure the classifier is, from 0 to 1
 * @param rationale  the reason with its numbers (e.g. {@code 60-day volatility 41% vs median 18%}); may be empty
 */
public record RegimeCall(MarketRegime regime, double confidence, String rationale) {

    public RegimeCall {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(rationale, "rationale");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("regime confidence must be in [0, 1]: " + confidence);
        }
    }
}
