package io.ballast.platform.app;

import io.ballast.platform.config.BallastConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * In development mode with no configured tokens, the platform still refuses anonymous calls: it
 * makes one random admin token and keeps it in {@code <dataDirectory>/admin.token}, readable by
 * this user only, so it survives restarts and never appears in code or config. Production mode
 * never does this (the config loader refuses to start without tokens).
 */
final class DevelopmentAdminToken {

    static final String FILE_NAME = "admin.token";
    static final String USER = "dev-admin";
    private static final int TOKEN_BYTES = 32;

    private DevelopmentAdminToken() {
    }

    /** The token in the file, made first if there is none; {@link DataDirectory#prepare} has made the folder. */
    static BallastConfig.AccessToken obtain(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (token.isEmpty()) {
                throw new StartupException(file + ": the development admin token file is empty; delete it to make a new one");
            }
            return new BallastConfig.AccessToken(token, USER, Set.of("admin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Written to a private temporary file and moved into place, so no reader ever sees it empty or open to others. */
    private static void create(Path file) throws IOException {
        byte[] secret = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path pending;
        try {
            pending = Files.createTempFile(file.getParent(), FILE_NAME, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            pending = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
        }
        try {
            Files.writeString(pending, token + "\n", StandardCharsets.US_ASCII);
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(pending);
        }
    }
}
