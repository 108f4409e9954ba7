package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A portfolio as the proposer sees it: cash and holdings at their last prices, in one base currency.
 *
 * @param baseCurrency ISO 4217 code of the cash, prices and amounts
 * @param cash         cash balance; may be negative (borrowed)
 * @param holdings     at most one per asset
 */
public record Holdings(String baseCurrency, BigDecimal cash, List<Holding> holdings) {

    public Holdings {
        if (baseCurrency == null) {
            throw new InvalidInputException("holdings.baseCurrency", "is missing");
        }
        try {
            Currency.getInstance(baseCurrency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("holdings.baseCurrency", "is not an ISO 4217 currency code: '" + baseCurrency + "'");
        }
        if (cash == null) {
            throw new InvalidInputException("holdings.cash", "is missing");
        }
        if (holdings == null) {
            throw new InvalidInputException("holdings.holdings", "is missing");
        }
        holdings = List.copyOf(holdings);
        Set<String> seen = new HashSet<>();
        for (Holding holding : holdings) {
            if (!seen.add(holding.asset())) {
                throw new InvalidInputException("holdings." + holding.asset(), "is listed twice");
            }
        }
    }

    /** Cash plus the market value of every holding, exact. */
    public BigDecimal netAssetValue() {
        BigDecimal nav = cash;
        for (Holding holding : holdings) {
            nav = nav.add(holding.marketValue());
        }
        return nav;
    }

    public Optional<Holding> holding(String asset) {
        return holdings.stream().filter(h -> h.asset().equals(asset)).findFirst();
    }

    /** Digits after the decimal point of the base currency (2 for USD), to which amounts are rounded. */
    public int minorUnit() {
        return Math.max(Currency.getInstance(baseCurrency).getDefaultFractionDigits(), 0);
    }
}
