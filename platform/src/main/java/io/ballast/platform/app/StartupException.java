package io.ballast.platform.app;

/**
 * Start-up cannot go on because of something the user can fix: a config key, a rule file, a
 * workflow file. The message is one line that names the file or key and the problem; the CLI
 * prints it alone and exits with code 2.
 */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
