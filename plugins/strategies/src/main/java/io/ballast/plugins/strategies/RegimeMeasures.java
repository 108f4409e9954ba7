package io.ballast.plugins.strategies;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * What the regime rules look at, measured on a market's closes at their last day.
 *
 * @param trendGap             the last close over its {@code trendDays}-day average (the last close included), minus 1
 * @param annualSlope          the slope of the least-squares line through the log of the last {@code slopeDays}
 *                             closes, per day, times periodsPerYear: an annual log growth rate
 * @param annualVolatility     the sample standard deviation (n - 1) of the last {@code volatilityDays} simple daily
 *                             returns, times sqrt(periodsPerYear)
 * @param volatilityPercentile the share of the last {@code volatilityHistoryDays} days (today included) whose
 *                             {@code volatilityDays}-day volatility is strictly below today's, from 0 to 1
 */
record RegimeMeasures(double trendGap, double annualSlope, double annualVolatility, double volatilityPercentile) {

    /** @param closes at least {@link RegimeRules#requiredCloses()} closes */
    static RegimeMeasures measure(CloseSeries closes, RegimeRules rules, int periodsPerYear) {
        double trendGap = closes.daysAgo(0) / new Mean().evaluate(closes.last(rules.trendDays())) - 1;

        SimpleRegression line = new SimpleRegression();
        double[] slopeWindow = closes.last(rules.slopeDays());
        for (int day = 0; day < slopeWindow.length; day++) {
            line.addData(day, Math.log(slopeWindow[day]));
        }
        double annualSlope = line.getSlope() * periodsPerYear;

        int history = rules.volatilityHistoryDays();
        int window = rules.volatilityDays();
        double[] returns = closes.simpleReturns(history + window - 1, 0);
        double[] volatilities = new double[history];
        for (int day = 0; day < history; day++) {
            volatilities[day] = new StandardDeviation().evaluate(returns, day, window) * Math.sqrt(periodsPerYear);
        }
        double today = volatilities[history - 1];
        long below = Arrays.stream(volatilities).filter(volatility -> volatility < today).count();
        return new RegimeMeasures(trendGap, annualSlope, today, (double) below / history);
    }
}
