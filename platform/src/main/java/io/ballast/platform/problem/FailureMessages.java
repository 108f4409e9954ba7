package io.ballast.platform.problem;

/**
 * Exceptions turned into the one line a start-up error, a health detail or a log entry shows: the
 * platform's errors are single lines, and the libraries' messages often span several.
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** The message of the innermost cause, its first line; its class name when it has no message. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : firstLine(message);
    }

    /** The messages of a failure and its causes, outermost first, each said once, on one line. */
    public static String causeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!chain.toString().contains(message)) {
                chain.append(chain.isEmpty() ? "" : ": ").append(message);
            }
        }
        return oneLine(chain.toString());
    }

    /** The first line of a message, trimmed. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    /** A message with its line breaks and runs of white space folded into single spaces. */
    public static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replaceAll("\\s+", " ");
    }
}
