package io.ballast.platform.cli;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.estimate.CovarianceMethod;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.quant.estimate.ExpectedReturnMethod;
import io.ballast.platform.quant.prices.PriceHistoryCsv;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --prices FILE} and how its prices are turned into estimates, for the analysis commands. */
final class PriceFileOptions {

    @Option(names = "--prices", required = true, paramLabel = "FILE",
            description = "closing prices: CSV with header date,TICKER,... (ISO dates, an empty cell is a missing price)")
    Path file;

    @Option(names = "--frequency", paramLabel = "N",
            description = "price periods in a year, for annualising: 252 trading days, 365 for crypto (default: ${DEFAULT-VALUE})")
    int periodsPerYear = EstimationSettings.DEFAULT_PERIODS_PER_YEAR;

    @Option(names = "--expected-returns", paramLabel = "geometric|arithmetic|exponential|capm",
            description = "expected-return estimator (default: ${DEFAULT-VALUE})")
    String expectedReturns = ExpectedReturnMethod.GEOMETRIC_MEAN.id();

    @Option(names = "--covariance", paramLabel = "sample|exponential|ledoit-wolf|semicovariance",
            description = "covariance estimator (default: ${DEFAULT-VALUE})")
    String covariance = CovarianceMethod.SAMPLE.id();

    Path file() {
        return file;
    }

    int periodsPerYear() {
        if (periodsPerYear < 1 || periodsPerYear > 366) {
            throw new InvalidInputException("--frequency", "must be between 1 and 366 periods a year, got " + periodsPerYear);
        }
        return periodsPerYear;
    }

    PriceHistory read() {
        return PriceHistoryCsv.read(file, "--prices");
    }

    EstimationSettings estimationSettings() {
        return EstimationSettings.defaults()
                .withPeriodsPerYear(periodsPerYear())
                .withExpectedReturnMethod(ExpectedReturnMethod.fromId(expectedReturns, "--expected-returns"))
                .withCovarianceMethod(CovarianceMethod.fromId(covariance, "--covariance"));
    }
}
