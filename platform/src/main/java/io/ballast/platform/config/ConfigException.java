package io.ballast.platform.config;

/**
 * The configuration cannot be used. The message is one line: where the value came from (the file
 * or the environment variable), the key, and what is wrong with it.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
