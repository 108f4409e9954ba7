package io.ballast.platform.portfolio;

import io.ballast.api.marketdata.Instrument;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.store.InstrumentRepository;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The semantic checks of a {@link NewPortfolio}: the first problem found is thrown as an
 * {@link InvalidInputException} naming its JSON path, e.g. {@code positions[2].asset}.
 */
final class NewPortfolioValidation {

    static final int MAX_NAME_LENGTH = 200;

    /** The columns are NUMERIC(24, 8) for money and prices and NUMERIC(28, 8) for quantities. */
    private static final int DECIMALS = 8;
    private static final int MONEY_INTEGER_DIGITS = 16;
    private static final int QUANTITY_INTEGER_DIGITS = 20;
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final InstrumentRepository instruments;

    NewPortfolioValidation(InstrumentRepository instruments) {
        this.instruments = instruments;
    }

    void check(NewPortfolio request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (request.name().strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_LENGTH + " characters, got "
                    + request.name().strip().length());
        }
        Currency currency = checkCurrency(request.baseCurrency());
        checkAmount("cash", request.cash(), MONEY_INTEGER_DIGITS);
        if (request.cash().signum() < 0) {
            throw new InvalidInputException("cash", "must not be negative, got " + request.cash().toPlainString());
        }
        // cash is booked in the currency's minor unit: 0.001 USD is no balance anyone can hold
        if (request.cash().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidInputException("cash", "has more decimals than " + currency.getCurrencyCode() + " has ("
                    + currency.getDefaultFractionDigits() + "), got " + request.cash().toPlainString());
        }
        checkPositions(request.positions(), request.baseCurrency());
    }

    private static Currency checkCurrency(String code) {
        if (code == null) {
            throw new InvalidInputException("baseCurrency", "is required");
        }
        if (!CURRENCY_CODE.matcher(code).matches()) {
            throw new InvalidInputException("baseCurrency", "must be three upper-case letters (ISO 4217), got '" + code + "'");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("baseCurrency", "'" + code + "' is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            // XAU, XDR and the like: no minor unit to round amounts to
            throw new InvalidInputException("baseCurrency", "'" + code + "' is not a cash currency");
        }
        return currency;
    }

    private void checkPositions(List<Position> positions, String baseCurrency) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            String path = "positions[" + i + "]";
            Position position = positions.get(i);
            if (position == null) {
                throw new InvalidInputException(path, "must not be null");
            }
            String asset = position.asset();
            Integer first = seen.putIfAbsent(asset, i);
            if (first != null) {
                throw new InvalidInputException(path + ".asset",
                        "'" + asset + "' is already held in positions[" + first + "]; one position per asset");
            }
            Optional<Instrument> instrument = instruments.find(asset);
            if (instrument.isEmpty()) {
                throw new InvalidInputException(path + ".asset", "unknown asset '" + asset + "'");
            }
            if (!instrument.get().currency().equals(baseCurrency)) {
                throw new InvalidInputException(path + ".asset", "'" + asset + "' is priced in "
                        + instrument.get().currency() + ", the portfolio is in " + baseCurrency
                        + "; holdings in another currency are not supported yet");
            }
            checkAmount(path + ".quantity", position.quantity(), QUANTITY_INTEGER_DIGITS);
            if (position.quantity().signum() == 0) {
                throw new InvalidInputException(path + ".quantity", "must not be zero (negative for a short)");
            }
            checkAmount(path + ".averagePrice", position.averagePrice(), MONEY_INTEGER_DIGITS);
            if (position.averagePrice().signum() <= 0) {
                throw new InvalidInputException(path + ".averagePrice",
                        "must be positive, got " + position.averagePrice().toPlainString());
            }
        }
    }

    /** Refuses numbers the store would round or reject rather than keep exactly. */
    private static void checkAmount(String field, BigDecimal value, int integerDigits) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > DECIMALS) {
            throw new InvalidInputException(field, "must have at most " + DECIMALS + " decimal places, got "
                    + value.toPlainString());
        }
        if (stripped.precision() - stripped.scale() > integerDigits) {
            throw new InvalidInputException(field, "must have at most " + integerDigits
                    + " digits before the decimal point, got " + value.toPlainString());
        }
    }
}
