package io.ballast.platform.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own folder (the embedded store, the development token): made readable by this
 * user only, since it holds portfolios and a credential.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    static void prepare(Path directory) {
        try {
            if (Files.notExists(directory)) {
                Files.createDirectories(directory);
                restrict(directory);
            } else if (!Files.isDirectory(directory)) {
                throw new StartupException("dataDirectory " + directory + ": exists but is not a folder");
            } else if (isOpenToOthers(directory)) {
                LOG.warn("dataDirectory {} can be read by other users; it holds the store and tokens (chmod 700 it)", directory);
            }
        } catch (IOException e) {
            throw new StartupException("dataDirectory " + directory + ": cannot create it: " + e.getMessage(), e);
        }
    }

    private static void restrict(Path directory) throws IOException {
        try {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            LOG.info("dataDirectory {} is on a file system without POSIX permissions; restrict access to it yourself", directory);
        }
    }

    private static boolean isOpenToOthers(Path directory) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            return permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        }
    }
}
