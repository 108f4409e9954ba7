package io.ballast.platform.cli;

import io.ballast.platform.quant.risk.RiskContribution;
import io.ballast.platform.quant.risk.report.PortfolioRiskReport;
import io.ballast.platform.quant.risk.report.TailRiskEstimate;
import java.util.Locale;

/** What {@code risk} prints: the report as it is for JSON, its headline figures for a table. */
record RiskReportOutput(PortfolioRiskReport report) implements OutputFormat.CommandOutput {

    @Override
    public Object json() {
        return report;
    }

    @Override
    public String table() {
        StringBuilder table = new StringBuilder();
        line(table, "periods analysed", report.analysedPeriodCount() + " of " + report.periodCount() + ", "
                + report.firstAnalysedPeriod() + " to " + report.lastAnalysedPeriod());
        line(table, "annual volatility", fraction(report.annualVolatility()));
        line(table, "maximum drawdown", fraction(report.maximumDrawdownFraction()));
        line(table, "herfindahl index", fraction(report.herfindahlIndex()));
        line(table, "diversification ratio", fraction(report.diversificationRatio()));
        line(table, "sharpe ratio", fraction(report.performance().sharpeRatio()));
        table.append(String.format(Locale.ROOT, "%n%-20s %10s %14s %14s%n", "one-period loss", "confidence", "VaR", "ES"));
        for (TailRiskEstimate estimate : report.tailRisk()) {
            table.append(String.format(Locale.ROOT, "%-20s %10s %14s %14s%n", estimate.method(), estimate.confidence(),
                    fraction(estimate.valueAtRiskFraction()), fraction(estimate.expectedShortfallFraction())));
        }
        table.append(String.format(Locale.ROOT, "%n%-12s %12s %14s%n", "asset", "weight", "risk share"));
        for (RiskContribution contribution : report.riskContributions()) {
            table.append(String.format(Locale.ROOT, "%-12s %12.6f %14.6f%n", contribution.asset(), contribution.weight(),
                    contribution.percentContribution()));
        }
        report.unavailableMeasures().forEach((measure, reason) -> line(table, "n/a " + measure, reason));
        return table.toString();
    }

    private static void line(StringBuilder table, String label, String value) {
        table.append(String.format(Locale.ROOT, "%-24s %s%n", label, value));
    }

    private static String fraction(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.6f", value);
    }
}
