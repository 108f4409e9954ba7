package io.ballast.platform.http;

/** The request names something that does not exist (HTTP 404). */
final class ResourceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResourceNotFoundException(String kind, String id) {
        super("There is no " + kind + " with id " + id);
    }
}
