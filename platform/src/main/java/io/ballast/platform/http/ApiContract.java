package io.ballast.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The REST contract: the OpenAPI document shipped in ballast-api, as it is served and as Vert.x reads it. */
final class ApiContract {

    static final String RESOURCE = "/io/ballast/api/openapi.yaml";

    private final byte[] yaml;
    private final JsonObject document;

    private ApiContract(byte[] yaml, JsonObject document) {
        this.yaml = yaml;
        this.document = document;
    }

    /** Reads the document from the class path. Blocks. */
    static ApiContract load() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path; is ballast-api there?");
            }
            byte[] yaml = in.readAllBytes();
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return new ApiContract(yaml, new JsonObject(Buffer.buffer(new ObjectMapper().writeValueAsBytes(tree))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The document as written, for {@code GET /openapi.yaml}. */
    byte[] yaml() {
        return yaml.clone();
    }

    /**
     * The contract Vert.x validates requests against. vertx-openapi 5.0 refuses to load a document
     * whose responses use a media type it cannot validate (application/problem+json,
     * application/yaml); responses are not validated here, so those entries are left out of the
     * copy it reads. Requests are validated against the document as written.
     */
    Future<OpenAPIContract> open(Vertx vertx) {
        JsonObject copy = document.copy();
        JsonObject paths = copy.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject pathItem = paths.getJsonObject(path);
            for (String key : pathItem.fieldNames()) {
                if (pathItem.getValue(key) instanceof JsonObject operation) {
                    dropUnsupportedContent(operation.getJsonObject("responses"));
                }
            }
        }
        dropUnsupportedContent(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses"));
        return OpenAPIContract.from(vertx, copy);
    }

    private static void dropUnsupportedContent(JsonObject responses) {
        if (responses == null) {
            return;
        }
        for (String status : responses.fieldNames()) {
            JsonObject content = responses.getJsonObject(status).getJsonObject("content");
            if (content != null) {
                content.fieldNames().removeIf(mediaType -> !MediaType.isMediaTypeSupported(mediaType));
                if (content.isEmpty()) {
                    responses.getJsonObject(status).remove("content");
                }
            }
        }
    }
}
