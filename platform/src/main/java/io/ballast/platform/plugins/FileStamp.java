package io.ballast.platform.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What the folder watch compares to tell that a jar changed: its size, its modification time and
 * its file key (the inode, where the file system has one: a jar moved over another of the same size
 * and time is still a change).
 */
record FileStamp(long size, FileTime lastModified, Object fileKey) {

    /** The file's stamp; empty when it is gone or not a regular file. */
    static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()))
                    : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
