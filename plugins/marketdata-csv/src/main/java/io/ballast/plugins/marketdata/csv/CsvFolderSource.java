package io.ballast.plugins.marketdata.csv;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.plugins.marketdata.common.InstrumentDefaults;
import io.ballast.plugins.marketdata.common.SourceParameters;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Daily bars from a folder of CSV files, in the wide close-price layout ({@code date,AAPL,...},
 * each cell a close: open, high and low are the close, volume zero) or the long OHLCV layout
 * ({@code date,asset,open,high,low,close,volume}); see {@link io.ballast.plugins.marketdata.common.csv.BarFile}.
 * Every call reads the folder afresh, so edited files count at once; the extension keeps no state.
 * The instruments are the files' assets; the files say nothing but prices, so every instrument
 * takes its asset class, sector and currency from the parameters ({@link InstrumentDefaults}), and its name is its id.
 */
@Extension
public class CsvFolderSource implements MarketDataSource {

    static final ParameterSpec FOLDER = new ParameterSpec("folder", ParameterType.STRING,
            "The folder whose *.csv files hold the bars (not its subfolders); absolute, or relative to the platform's working folder",
            Optional.empty(), Optional.empty(), Optional.empty());

    @Override
    public String id() {
        return "csv-folder";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Daily bars from the CSV files of a folder: wide daily closes (date,AAPL,MSFT,...) or long OHLCV rows "
                + "(date,asset,open,high,low,close,volume).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return Stream.concat(Stream.of(FOLDER), InstrumentDefaults.SPECS.stream()).toList();
    }

    @Override
    public List<Instrument> instruments(Map<String, Object> parameters) {
        SourceParameters values = new SourceParameters(id(), parameters(), parameters);
        InstrumentDefaults defaults = InstrumentDefaults.read(values);
        return folder(values).barsByAsset().keySet().stream().map(defaults::instrument).toList();
    }

    @Override
    public List<PriceBar> bars(BarRequest request) {
        CsvFolder folder = folder(new SourceParameters(id(), parameters(), request.parameters()));
        List<PriceBar> bars = new ArrayList<>();
        for (String asset : request.assets()) {
            bars.addAll(folder.bars(asset, request.firstDay(), request.lastDay()));
        }
        return bars;
    }

    private static CsvFolder folder(SourceParameters values) {
        String folder = values.text(FOLDER);
        try {
            return CsvFolder.read(Path.of(folder), FOLDER.name());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("parameter " + FOLDER.name() + ": '" + folder + "' is not a path: " + e.getReason(), e);
        }
    }
}
