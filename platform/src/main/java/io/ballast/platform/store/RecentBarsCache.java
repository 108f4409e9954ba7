package io.ballast.platform.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ballast.api.marketdata.PriceBar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Each asset's newest bars as last read, with the {@link PriceWatermark} read just before them. An
 * entry serves a later read only while the watermark is still the same: a new bar, late or not, moves
 * it, and bars are never updated or deleted, so an unchanged watermark means unchanged bars. A write
 * that lands between the watermark read and the bars read leaves newer bars under the older watermark,
 * which the next read sees moved, and reads again.
 */
final class RecentBarsCache {

    /** Far more assets than a platform trades; a year of daily bars each is a few hundred KB. */
    static final long MAXIMUM_ASSETS = 10_000;

    /**
     * @param bars  oldest first
     * @param whole whether these are all the bars the asset had (fewer than were asked for)
     */
    private record Entry(PriceWatermark watermark, List<PriceBar> bars, boolean whole) {}

    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAXIMUM_ASSETS).build();

    /** The asset's newest {@code count} bars, oldest first, when the entry read at {@code watermark} holds them. */
    Optional<List<PriceBar>> newest(String asset, int count, PriceWatermark watermark) {
        Entry entry = entries.getIfPresent(asset);
        if (entry == null || !entry.watermark().equals(watermark) || (entry.bars().size() < count && !entry.whole())) {
            return Optional.empty();
        }
        List<PriceBar> bars = entry.bars();
        return Optional.of(bars.subList(Math.max(0, bars.size() - count), bars.size()));
    }

    /** Keeps {@code bars}, the newest {@code asked} of the asset read after {@code watermark}; oldest first. */
    void keep(String asset, int asked, PriceWatermark watermark, List<PriceBar> bars) {
        Objects.requireNonNull(watermark, "watermark");
        entries.put(asset, new Entry(watermark, List.copyOf(bars), bars.size() < asked));
    }
}
