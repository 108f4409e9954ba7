package io.ballast.api.marketdata;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request for daily bars: every bar of {@code assets} whose day lies from {@code firstDay} to
 * {@code lastDay}, both included (a bar's {@link PriceBar#time()} is midnight UTC of its day).
 *
 * @param assets     the asset ids, as {@link MarketDataSource#instruments} lists them; unique, at least one
 * @param firstDay   the first day wanted
 * @param lastDay    the last day wanted; not before {@code firstDay}
 * @param parameters the caller's source-specific parameters (a folder, a URL, a seed), already
 *                   validated against the source's {@link io.ballast.api.plugin.ParameterSpec}s
 */
public record BarRequest(List<String> assets, LocalDate firstDay, LocalDate lastDay, Map<String, Object> parameters) {

    public BarRequest {
        assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets must not be empty");
        }
        if (new LinkedHashSet<>(assets).size() != assets.size()) {
            throw new IllegalArgumentException("assets must be unique: " + assets);
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
    }
}
