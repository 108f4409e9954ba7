package io.ballast.platform.marketdata;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Generates the sample market: daily bars of the {@link SampleUniverse} from a seeded factor model.
 *
 * <p>Each calendar day: the {@link VolatilityRegime} steps; one standard-normal shock is drawn for
 * the market, each asset class, each sector and each asset; an asset's log return is
 * {@code (mu - sigma^2 k^2 / 2) dt + sigma k sqrt(dt) z}, with {@code z} its factor mix (see
 * {@link SampleAsset}), {@code k} the regime multiplier and {@code dt = 1/252} for equities,
 * {@code 1/365} for crypto. Equities trade on weekdays (no holiday calendar), crypto every day.
 *
 * <p>Reproducible: the same seed and years give the same bars on every JVM (Well19937c, whose
 * normal draws use pure-Java {@code FastMath}, and {@code StrictMath} here).
 */
public final class SampleMarketGenerator {

    /**
     * The last day of every sample. Fixed rather than "today" so that a seed names one data set for
     * good: tests, documentation and bug reports can quote its numbers, and a restart on another day
     * does not change the history.
     */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    private static final double EQUITY_PERIODS_PER_YEAR = 252;
    private static final double CRYPTO_PERIODS_PER_YEAR = 365;
    /** Overnight gap of an equity's open, as a fraction of its daily volatility. */
    private static final double OVERNIGHT_GAP_FRACTION = 0.3;
    /** How far high and low reach beyond the open-close body, as a fraction of daily volatility. */
    private static final double WICK_FRACTION = 0.5;
    /** Log-standard deviation of a day's volume around its mean. */
    private static final double VOLUME_LOG_VOLATILITY = 0.3;

    private SampleMarketGenerator() {
    }

    /**
     * @param seed  the random seed: the same seed gives the same market
     * @param years how many years of history, ending on {@link #LAST_DAY}
     */
    public static SampleMarket generate(long seed, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("years must be at least 1, got " + years);
        }
        RandomGenerator random = new Well19937c(seed);
        List<SampleAsset> assets = SampleUniverse.ASSETS;
        List<String> sectors = assets.stream().map(a -> a.instrument().sector()).distinct().toList();
        VolatilityRegime regime = new VolatilityRegime(random);

        double[] previousClose = assets.stream().mapToDouble(SampleAsset::startPrice).toArray();
        Map<String, Double> sectorShock = new LinkedHashMap<>();
        Map<AssetClass, Double> classShock = new LinkedHashMap<>();
        List<PriceBar> bars = new ArrayList<>();

        LocalDate firstDay = LAST_DAY.minusYears(years).plusDays(1);
        for (LocalDate day = firstDay; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            // every day draws the same number of numbers in the same order, trading or not
            regime.step(random);
            double k = regime.volatilityMultiplier();
            double marketShock = random.nextGaussian();
            for (AssetClass assetClass : AssetClass.values()) {
                classShock.put(assetClass, random.nextGaussian());
            }
            for (String sector : sectors) {
                sectorShock.put(sector, random.nextGaussian());
            }
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            for (int i = 0; i < assets.size(); i++) {
                SampleAsset asset = assets.get(i);
                Instrument instrument = asset.instrument();
                double z = StrictMath.sqrt(asset.marketShare()) * marketShock
                        + StrictMath.sqrt(asset.assetClassShare()) * classShock.get(instrument.assetClass())
                        + StrictMath.sqrt(asset.sectorShare()) * sectorShock.get(instrument.sector())
                        + StrictMath.sqrt(asset.idiosyncraticShare()) * random.nextGaussian();
                double gapShock = random.nextGaussian();
                double highShock = random.nextGaussian();
                double lowShock = random.nextGaussian();
                double volumeShock = random.nextGaussian();
                boolean crypto = instrument.assetClass() == AssetClass.CRYPTO;
                if (!crypto && !weekday) {
                    continue;
                }
                double dt = 1 / (crypto ? CRYPTO_PERIODS_PER_YEAR : EQUITY_PERIODS_PER_YEAR);
                double sigma = asset.annualVolatility() * k;
                double dailyVolatility = sigma * StrictMath.sqrt(dt);
                double logReturn = (asset.annualDrift() - sigma * sigma / 2) * dt + dailyVolatility * z;

                // a 24/7 market opens where it closed; an exchange opens with an overnight gap
                double open = crypto ? previousClose[i]
                        : previousClose[i] * StrictMath.exp(OVERNIGHT_GAP_FRACTION * dailyVolatility * gapShock);
                double close = previousClose[i] * StrictMath.exp(logReturn);
                double high = Math.max(open, close) * StrictMath.exp(WICK_FRACTION * dailyVolatility * Math.abs(highShock));
                double low = Math.min(open, close) * StrictMath.exp(-WICK_FRACTION * dailyVolatility * Math.abs(lowShock));
                // busier on big moves and in turbulent markets; the factors have mean 1 in a calm market
                // (E[0.6 + 0.5 |z|] = 1, and the log-normal term is mean-corrected)
                double volume = asset.averageDailyVolume() * StrictMath.sqrt(k / VolatilityRegime.CALM_MULTIPLIER)
                        * (0.6 + 0.5 * Math.abs(z))
                        * StrictMath.exp(VOLUME_LOG_VOLATILITY * volumeShock
                                - VOLUME_LOG_VOLATILITY * VOLUME_LOG_VOLATILITY / 2);

                bars.add(new PriceBar(instrument.id(), day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        price(open, asset), price(high, asset), price(low, asset), price(close, asset),
                        volume(volume, instrument.assetClass())));
                previousClose[i] = close;
            }
        }
        return new SampleMarket(assets.stream().map(SampleAsset::instrument).toList(), bars);
    }

    /**
     * Rounds to the asset's tick, and never below one tick (a price must stay positive). Both steps
     * are monotone, so rounded highs and lows still bracket the rounded open and close.
     */
    private static BigDecimal price(double value, SampleAsset asset) {
        BigDecimal tick = BigDecimal.ONE.movePointLeft(asset.priceDecimals());
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(asset.priceDecimals(), RoundingMode.HALF_EVEN);
        return rounded.max(tick);
    }

    /** Equities trade whole shares; crypto in fractions, kept to 4 decimals. At least one unit traded. */
    private static BigDecimal volume(double value, AssetClass assetClass) {
        int decimals = assetClass == AssetClass.EQUITY ? 0 : 4;
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
        return rounded.max(BigDecimal.ONE);
    }
}
