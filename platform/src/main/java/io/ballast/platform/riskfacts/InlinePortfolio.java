package io.ballast.platform.riskfacts;

import java.math.BigDecimal;
import java.util.List;

/**
 * A portfolio sent inline: cash in its base currency, positions, and optionally the highest NAV it
 * has had (null: the current NAV is the peak).
 */
public record InlinePortfolio(BigDecimal cash, List<InlinePosition> positions, BigDecimal peakNetAssetValue) {

    public InlinePortfolio {
        positions = positions == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(positions));
    }
}
