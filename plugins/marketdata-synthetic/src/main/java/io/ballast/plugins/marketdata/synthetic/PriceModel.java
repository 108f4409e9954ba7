package io.ballast.plugins.marketdata.synthetic;

import java.util.List;

/** A synthetic source's model of daily price moves, with its assets and its seed fixed. */
interface PriceModel {

    /** The assets the model can move, in the order instruments are listed. */
    List<String> assets();

    /**
     * A fresh stream of daily growth factors for {@code assets} (a subset of {@link #assets()}),
     * the same for the same model whichever other assets are asked for with them.
     */
    DailyGrowth start(List<String> assets);
}
