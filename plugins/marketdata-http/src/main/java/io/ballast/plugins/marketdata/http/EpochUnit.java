package io.ballast.plugins.marketdata.http;

import java.time.Instant;

/** What a bar time sent as a JSON number counts since 1970-01-01T00:00Z. */
enum EpochUnit {
    MILLISECONDS,
    SECONDS;

    Instant instant(long count) {
        return this == SECONDS ? Instant.ofEpochSecond(count) : Instant.ofEpochMilli(count);
    }
}
