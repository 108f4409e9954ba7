package io.ballast.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosePriceCsvTest {

    private static final Instrument AAA = new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD");
    private static final Instrument BBB = new Instrument("BBB-USD", "Beta", AssetClass.CRYPTO, "Layer 1", "USD");

    @Test
    void writesOneRowPerDayWithEmptyCellsWhereAnAssetHasNoBar() throws IOException {
        SampleMarket market = new SampleMarket(List.of(AAA, BBB), List.of(
                bar("BBB-USD", "2025-01-04", "101.25"),
                bar("AAA", "2025-01-03", "10.50"),
                bar("BBB-USD", "2025-01-03", "100"),
                bar("BBB-USD", "2025-01-05", "0.00012")));
        StringBuilder csv = new StringBuilder();

        ClosePriceCsv.write(market, csv);

        assertThat(csv).hasToString("""
                date,AAA,BBB-USD
                2025-01-03,10.50,100
                2025-01-04,,101.25
                2025-01-05,,0.00012
                """);
    }

    @Test
    void theFiveYearSampleHasAColumnPerAssetAndARowPerCalendarDay() throws IOException {
        StringBuilder csv = new StringBuilder();

        ClosePriceCsv.write(SampleMarketGenerator.generate(1, 5), csv);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("date,NVLX,QBTR,CLWV,HRBK,SLVC,KSTA,PTRX,BRMO,SOLQ,MDXA,CRVX,GNMQ,"
                + "ORCF,LMBL,FRGL,AXWK,ARCD-USD,NMBX-USD,VLTP-USD,TSSL-USD");
        assertThat(lines).hasSize(1 + 1826);
        assertThat(lines.get(1)).startsWith("2021-01-01,");
        // Saturday 2 January 2021: sixteen empty equity cells, then four crypto closes
        assertThat(lines.get(2)).matches("2021-01-02" + ",".repeat(17) + "[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+");
    }

    @Test
    void aBarOfAnAssetNotAmongTheInstrumentsIsAnError() {
        SampleMarket market = new SampleMarket(List.of(AAA), List.of(bar("ZZZ", "2025-01-03", "1")));

        assertThatThrownBy(() -> ClosePriceCsv.write(market, new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar of ZZZ, which is not among the instruments");
    }

    private static PriceBar bar(String asset, String day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), price, price, price, price, BigDecimal.ONE);
    }
}
