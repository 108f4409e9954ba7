package io.ballast.platform.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ballast.api.marketdata.PriceBar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each asset's newest bars as last read, and how to tell whether the table still holds exactly those.
 * Bars are never updated or deleted, only inserted, so the newest {@code n} bars from time {@code t} on
 * are unchanged as long as the asset still has {@code n} bars from {@code t} on and the newest of them
 * is still the newest it has: a newer bar moves the newest time, a late one inside the window moves the
 * count, and a late one before the window does not belong to the newest {@code n}. When the bars read
 * were all the asset had, the window is all its history.
 */
final class RecentBarsCache {

    /** Bars kept in all (a year of daily bars for about 2 000 assets); an asset's bars count as one each. */
    static final long MAXIMUM_BARS = 500_000;

    /**
     * What the table must still say of an asset for its entry to hold.
     *
     * @param from   the oldest kept bar's time; empty when the entry is all the asset's bars
     * @param bars   how many bars the asset has from {@code from} on (all it has, when {@code from} is empty)
     * @param newest the newest bar's time; empty when it has none
     */
    record Window(Optional<Instant> from, long bars, Optional<Instant> newest) {}

    /** @param bars oldest first */
    private record Entry(List<PriceBar> bars, Window window) {}

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumWeight(MAXIMUM_BARS)
            .weigher((String asset, Entry entry) -> Math.max(1, entry.bars().size()))
            .build();

    /** The window the asset's kept bars must still match, if any are kept. */
    Optional<Window> window(String asset) {
        return Optional.ofNullable(entries.getIfPresent(asset)).map(Entry::window);
    }

    /**
     * The asset's newest {@code count} bars, oldest first, when the kept entry's window is {@code now}
     * (what the table says of it now) and the entry holds that many, or is all the asset has.
     */
    Optional<List<PriceBar>> newest(String asset, int count, Window now) {
        Entry entry = entries.getIfPresent(asset);
        if (entry == null || !entry.window().equals(now) || (entry.bars().size() < count && entry.window().from().isPresent())) {
            return Optional.empty();
        }
        List<PriceBar> bars = entry.bars();
        return Optional.of(bars.subList(Math.max(0, bars.size() - count), bars.size()));
    }

    /**
     * Keeps {@code bars}, the asset's newest {@code asked} bars read in one statement, oldest first; when
     * there are fewer than asked they are all it has.
     */
    void keep(String asset, int asked, List<PriceBar> bars) {
        List<PriceBar> kept = List.copyOf(bars);
        boolean all = kept.size() < asked;
        Optional<Instant> newest = kept.isEmpty() ? Optional.empty() : Optional.of(kept.getLast().time());
        Optional<Instant> from = all ? Optional.empty() : Optional.of(kept.getFirst().time());
        entries.put(asset, new Entry(kept, new Window(from, kept.size(), newest)));
    }
}
