package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link MarketEstimator} turns a price history into annual estimates. Problems are reported
 * as {@link InvalidInputException}s naming the component.
 *
 * @param expectedReturnMethod how expected returns are estimated; default geometric mean
 * @param covarianceMethod how the covariance is estimated; default pairwise sample covariance
 * @param periodsPerYear periods in a year, for annualising: 252 trading days (default), 365 for crypto
 * @param expectedReturnSpan span in periods of the exponentially weighted expected return
 *     (pandas' {@code ewm(span)}); default 500, as PyPortfolioOpt's {@code ema_historical_return}
 * @param covarianceHalfLife half-life in periods of the exponentially weighted covariance;
 *     default about 62.4, the half-life of PyPortfolioOpt's {@code exp_cov} default span of 180
 * @param semicovarianceBenchmarkReturn return per period below which a return is a shortfall,
 *     for the semicovariance; default 0.000079 (about 2% a year), as PyPortfolioOpt
 * @param marketReturns the market's returns (one series) for CAPM betas; empty for the
 *     equal-weighted universe
 * @param annualRiskFreeRate annual risk-free rate (fraction) for CAPM; default 0, as PyPortfolioOpt
 */
public record EstimationSettings(
        ExpectedReturnMethod expectedReturnMethod,
        CovarianceMethod covarianceMethod,
        int periodsPerYear,
        double expectedReturnSpan,
        double covarianceHalfLife,
        double semicovarianceBenchmarkReturn,
        Optional<ReturnSeries> marketReturns,
        double annualRiskFreeRate) {

    public static final int DEFAULT_PERIODS_PER_YEAR = 252;
    public static final double DEFAULT_EXPECTED_RETURN_SPAN = 500;
    public static final double DEFAULT_COVARIANCE_HALF_LIFE = ExponentialDecay.ofSpan(180).halfLife();
    public static final double DEFAULT_SEMICOVARIANCE_BENCHMARK_RETURN = 0.000079;

    public EstimationSettings {
        if (expectedReturnMethod == null) {
            throw new InvalidInputException("expectedReturnMethod", "is required");
        }
        if (covarianceMethod == null) {
            throw new InvalidInputException("covarianceMethod", "is required");
        }
        if (periodsPerYear < 1) {
            throw new InvalidInputException("periodsPerYear", "must be at least 1, was " + periodsPerYear);
        }
        if (!(expectedReturnSpan >= 1) || Double.isInfinite(expectedReturnSpan)) {
            throw new InvalidInputException("expectedReturnSpan", "must be a finite number of periods of at least 1, was "
                    + expectedReturnSpan);
        }
        if (!(covarianceHalfLife > 0) || Double.isInfinite(covarianceHalfLife)) {
            throw new InvalidInputException("covarianceHalfLife", "must be a finite number of periods above 0, was "
                    + covarianceHalfLife);
        }
        if (!Double.isFinite(semicovarianceBenchmarkReturn)) {
            throw new InvalidInputException("semicovarianceBenchmarkReturn", "must be a finite return per period, was "
                    + semicovarianceBenchmarkReturn);
        }
        Objects.requireNonNull(marketReturns, "marketReturns (use Optional.empty())");
        if (marketReturns.isPresent() && marketReturns.get().assetCount() != 1) {
            throw new InvalidInputException("marketReturns", "must hold one series, found " + marketReturns.get().assetCount());
        }
        if (!(annualRiskFreeRate > -1) || Double.isInfinite(annualRiskFreeRate)) {
            throw new InvalidInputException("annualRiskFreeRate", "must be a finite annual rate above -100%, was "
                    + annualRiskFreeRate);
        }
    }

    /** Geometric mean returns and pairwise sample covariance over 252 periods a year, the DESIGN.md conventions. */
    public static EstimationSettings defaults() {
        return new EstimationSettings(ExpectedReturnMethod.GEOMETRIC_MEAN, CovarianceMethod.SAMPLE, DEFAULT_PERIODS_PER_YEAR,
                DEFAULT_EXPECTED_RETURN_SPAN, DEFAULT_COVARIANCE_HALF_LIFE, DEFAULT_SEMICOVARIANCE_BENCHMARK_RETURN,
                Optional.empty(), 0.0);
    }

    public EstimationSettings withExpectedReturnMethod(ExpectedReturnMethod method) {
        return new EstimationSettings(method, covarianceMethod, periodsPerYear, expectedReturnSpan, covarianceHalfLife,
                semicovarianceBenchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withCovarianceMethod(CovarianceMethod method) {
        return new EstimationSettings(expectedReturnMethod, method, periodsPerYear, expectedReturnSpan, covarianceHalfLife,
                semicovarianceBenchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withPeriodsPerYear(int periods) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periods, expectedReturnSpan, covarianceHalfLife,
                semicovarianceBenchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withExpectedReturnSpan(double span) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periodsPerYear, span, covarianceHalfLife,
                semicovarianceBenchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withCovarianceHalfLife(double halfLife) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periodsPerYear, expectedReturnSpan, halfLife,
                semicovarianceBenchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withSemicovarianceBenchmarkReturn(double benchmarkReturn) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periodsPerYear, expectedReturnSpan,
                covarianceHalfLife, benchmarkReturn, marketReturns, annualRiskFreeRate);
    }

    public EstimationSettings withMarketReturns(ReturnSeries market) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periodsPerYear, expectedReturnSpan,
                covarianceHalfLife, semicovarianceBenchmarkReturn, Optional.of(market), annualRiskFreeRate);
    }

    public EstimationSettings withAnnualRiskFreeRate(double rate) {
        return new EstimationSettings(expectedReturnMethod, covarianceMethod, periodsPerYear, expectedReturnSpan,
                covarianceHalfLife, semicovarianceBenchmarkReturn, marketReturns, rate);
    }
}
