package io.ballast.plugins.marketdata.csv;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.plugins.marketdata.common.csv.BarFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bars of every {@code *.csv} file directly in a folder (not in subfolders; names starting
 * with a dot skipped), files read in name order. Each asset lives in exactly one file.
 *
 * @param folder      the folder read
 * @param barsByAsset each asset's bars, oldest first; assets in file-name order, then as each file names them
 */
record CsvFolder(Path folder, Map<String, List<PriceBar>> barsByAsset) {

    private static final int ASSETS_NAMED_IN_AN_ERROR = 20;

    /**
     * @param parameter the parameter that named the folder, for messages
     * @throws IllegalArgumentException when the folder is not there, holds no CSV file, a file is
     *                                  bad (naming file, line and column) or two files hold one asset
     */
    static CsvFolder read(Path folder, String parameter) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("parameter " + parameter + ": " + folder + " is not a folder");
        }
        List<Path> files = csvFiles(folder, parameter);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("parameter " + parameter + ": folder " + folder + " holds no .csv file");
        }
        Map<String, List<PriceBar>> barsByAsset = new LinkedHashMap<>();
        Map<String, Path> fileByAsset = new HashMap<>();
        for (Path file : files) {
            BarFile bars = BarFile.read(file);
            bars.barsByAsset().forEach((asset, assetBars) -> {
                Path earlier = fileByAsset.putIfAbsent(asset, file);
                if (earlier != null) {
                    throw new IllegalArgumentException(file + ": asset " + asset + " is also in " + earlier
                            + "; an asset's bars must all be in one file");
                }
                barsByAsset.put(asset, assetBars);
            });
        }
        return new CsvFolder(folder, barsByAsset);
    }

    /**
     * The asset's bars whose day lies from {@code firstDay} to {@code lastDay}, both included.
     *
     * @throws IllegalArgumentException when the folder has no such asset
     */
    List<PriceBar> bars(String asset, LocalDate firstDay, LocalDate lastDay) {
        List<PriceBar> bars = barsByAsset.get(asset);
        if (bars == null) {
            List<String> known = List.copyOf(barsByAsset.keySet());
            String some = known.size() <= ASSETS_NAMED_IN_AN_ERROR ? known.toString()
                    : known.subList(0, ASSETS_NAMED_IN_AN_ERROR) + " and " + (known.size() - ASSETS_NAMED_IN_AN_ERROR) + " more";
            throw new IllegalArgumentException("asset " + asset + " is in no file of folder " + folder + "; it has " + some);
        }
        return bars.stream()
                .filter(bar -> {
                    LocalDate day = LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
                    return !day.isBefore(firstDay) && !day.isAfter(lastDay);
                })
                .toList();
    }

    private static List<Path> csvFiles(Path folder, String parameter) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("parameter " + parameter + ": folder " + folder + " cannot be listed: " + e, e);
        }
    }
}
