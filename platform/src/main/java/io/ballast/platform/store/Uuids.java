package io.ballast.platform.store;

import java.util.Optional;
import java.util.UUID;

/** Reads the ids callers hand to the repositories: every stored row has a UUID, so other text names none. */
final class Uuids {

    private Uuids() {
    }

    /** The id as a UUID; empty when it is no UUID, which a read answers as "no such row" rather than an error. */
    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
