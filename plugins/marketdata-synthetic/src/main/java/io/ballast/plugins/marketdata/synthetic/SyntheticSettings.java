package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.plugins.marketdata.common.SourceParameters;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of the synthetic source, read and checked.
 *
 * @param model              how prices move
 * @param gbmAssets          the assets geometric Brownian motion generates (a bootstrap takes its history's)
 * @param annualDrift        GBM's mu, an annual fraction
 * @param annualVolatility   GBM's sigma, an annual fraction
 * @param startPrice         every asset's close on the first trading day, in USD
 * @param startDay           the day paths start on (or the first trading day after it)
 * @param seed               the seed: the same seed and parameters give the same bars
 * @param assetClass         the instruments' class; it decides the calendar and the periods a year
 * @param historyCsv         the bootstrap's price file, when given
 * @param blockLength        consecutive historical days a bootstrap draw takes
 * @param tickIntervalMillis milliseconds between two days of a stream
 */
record SyntheticSettings(
        SyntheticModel model,
        List<String> gbmAssets,
        double annualDrift,
        double annualVolatility,
        double startPrice,
        LocalDate startDay,
        long seed,
        AssetClass assetClass,
        Optional<String> historyCsv,
        int blockLength,
        long tickIntervalMillis) {

    static final ParameterSpec MODEL = text("model",
            "gbm (geometric Brownian motion) or bootstrap (whole days of historical returns from historyCsv, drawn with replacement)", "gbm");
    static final ParameterSpec ASSETS = text("assets",
            "gbm: the asset ids to generate, separated by commas; a bootstrap generates the assets of historyCsv", "SYN");
    static final ParameterSpec ANNUAL_DRIFT = new ParameterSpec("annualDrift", ParameterType.NUMBER,
            "gbm: the drift mu, an annual fraction (0.07 = 7 % a year); daily log returns average (mu - sigma^2/2) / periods a year",
            Optional.of(0.07), Optional.empty(), Optional.empty());
    static final ParameterSpec ANNUAL_VOLATILITY = new ParameterSpec("annualVolatility", ParameterType.NUMBER,
            "gbm: the volatility sigma, an annual fraction (0.2 = 20 % a year); daily log returns have variance sigma^2 / periods a year",
            Optional.of(0.2), Optional.of(0.0), Optional.empty());
    static final ParameterSpec START_PRICE = new ParameterSpec("startPrice", ParameterType.NUMBER,
            "Every asset's close on the first trading day, in USD; above zero",
            Optional.of(100.0), Optional.of(0.0), Optional.empty());
    static final ParameterSpec START_DAY = text("startDay",
            "The day paths start (yyyy-MM-dd); the first bar is on the first trading day on or after it", "2000-01-03");
    static final ParameterSpec SEED = new ParameterSpec("seed", ParameterType.INTEGER,
            "The seed of the random draws: the same seed and parameters give the same bars",
            Optional.of(1L), Optional.empty(), Optional.empty());
    static final ParameterSpec ASSET_CLASS = text("assetClass",
            "EQUITY (trades Monday to Friday, 252 periods a year) or CRYPTO (every day, 365 periods a year)", "EQUITY");
    static final ParameterSpec HISTORY_CSV = text("historyCsv",
            "bootstrap: the CSV file of historical prices (the layouts csv-folder reads); its closes give the returns drawn", "");
    static final ParameterSpec BLOCK_LENGTH = new ParameterSpec("blockLength", ParameterType.INTEGER,
            "bootstrap: consecutive historical days a draw takes (circular block bootstrap); 1 draws days independently",
            Optional.of(1L), Optional.of(1.0), Optional.of(10_000.0));
    static final ParameterSpec TICK_INTERVAL_MILLIS = new ParameterSpec("tickIntervalMillis", ParameterType.INTEGER,
            "Streams: milliseconds between one trading day's bars and the next's",
            Optional.of(1000L), Optional.of(1.0), Optional.of(86_400_000.0));

    static final List<ParameterSpec> SPECS = List.of(MODEL, ASSETS, ANNUAL_DRIFT, ANNUAL_VOLATILITY, START_PRICE, START_DAY,
            SEED, ASSET_CLASS, HISTORY_CSV, BLOCK_LENGTH, TICK_INTERVAL_MILLIS);

    static SyntheticSettings from(Map<String, Object> parameters) {
        SourceParameters values = new SourceParameters("synthetic", SPECS, parameters);
        double startPrice = values.number(START_PRICE);
        if (startPrice <= 0) {
            throw new IllegalArgumentException("parameter " + START_PRICE.name() + ": must be above zero, got " + startPrice);
        }
        SyntheticModel model = values.choice(MODEL, SyntheticModel.class);
        Optional<String> historyCsv = values.optionalText(HISTORY_CSV);
        if (model == SyntheticModel.BOOTSTRAP && historyCsv.isEmpty()) {
            throw new IllegalArgumentException("parameter " + HISTORY_CSV.name() + ": is required when model is bootstrap");
        }
        return new SyntheticSettings(model, values.names(ASSETS), values.number(ANNUAL_DRIFT),
                values.number(ANNUAL_VOLATILITY), startPrice, values.day(START_DAY), values.whole(SEED),
                values.choice(ASSET_CLASS, AssetClass.class), historyCsv, (int) values.whole(BLOCK_LENGTH),
                values.whole(TICK_INTERVAL_MILLIS));
    }

    TradingCalendar calendar() {
        return TradingCalendar.of(assetClass);
    }

    /** The model the settings describe; a bootstrap reads its history file here. */
    PriceModel priceModel() {
        return switch (model) {
            case GBM -> new GeometricBrownianMotion(gbmAssets, annualDrift, annualVolatility, calendar().periodsPerYear(), seed);
            case BOOTSTRAP -> new HistoricalBootstrap(ReturnSample.read(historyPath(), HISTORY_CSV.name()), blockLength, seed);
        };
    }

    /** A fresh path of {@code assets}, each checked to be one of the model's. */
    SyntheticPath path(PriceModel priceModel, List<String> assets) {
        for (String asset : assets) {
            if (!priceModel.assets().contains(asset)) {
                throw new IllegalArgumentException("asset " + asset + " is not generated by this synthetic source; it has "
                        + priceModel.assets());
            }
        }
        return new SyntheticPath(calendar(), startDay, startPrice, assets, priceModel.start(assets));
    }

    private Path historyPath() {
        String file = historyCsv.orElseThrow();
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("parameter " + HISTORY_CSV.name() + ": '" + file + "' is not a path: " + e.getReason(), e);
        }
    }

    private static ParameterSpec text(String name, String description, String defaultValue) {
        return new ParameterSpec(name, ParameterType.STRING, description, Optional.of(defaultValue), Optional.empty(), Optional.empty());
    }
}
