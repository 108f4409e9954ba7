package io.ballast.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
            // a key written twice (a path, a schema) is an error, not "the last one wins": tools refuse such a document
            JsonNode tree = new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                    .readTree(yaml);
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
     * copy it reads. Requests are validated against the document as written, except a request body
     * of a media type Vert.x cannot validate (application/java-archive): the copy leaves it out, and
     * such a body is validated as the {@code application/octet-stream} its operation must declare
     * beside it (see {@link #opaqueRequestMediaTypes()}).
     */
    Future<OpenAPIContract> open(Vertx vertx) {
        JsonObject copy = document.copy();
        for (JsonObject operation : operations(copy)) {
            dropUnsupportedContent(operation.getJsonObject("responses"));
            JsonObject content = requestContent(operation);
            if (content != null) {
                content.fieldNames().removeIf(mediaType -> !MediaType.isMediaTypeSupported(mediaType));
            }
        }
        dropUnsupportedContent(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses"));
        return OpenAPIContract.from(vertx, copy);
    }

    /**
     * By operation id, the request body media types Vert.x cannot validate, each to be validated as
     * {@code application/octet-stream} (opaque bytes the handler checks itself).
     *
     * @throws IllegalStateException when such an operation does not also declare application/octet-stream
     */
    Map<String, Set<String>> opaqueRequestMediaTypes() {
        Map<String, Set<String>> opaque = new HashMap<>();
        for (JsonObject operation : operations(document)) {
            JsonObject content = requestContent(operation);
            if (content == null) {
                continue;
            }
            Set<String> unsupported = content.fieldNames().stream()
                    .filter(mediaType -> !MediaType.isMediaTypeSupported(mediaType))
                    .collect(Collectors.toUnmodifiableSet());
            if (!unsupported.isEmpty()) {
                String operationId = operation.getString("operationId");
                if (!content.containsKey(MediaType.APPLICATION_OCTET_STREAM)) {
                    throw new IllegalStateException("OpenAPI operation " + operationId + " takes " + unsupported
                            + ", which Vert.x cannot validate; declare " + MediaType.APPLICATION_OCTET_STREAM + " beside it");
                }
                opaque.put(operationId, unsupported);
            }
        }
        return Map.copyOf(opaque);
    }

    private static List<JsonObject> operations(JsonObject document) {
        List<JsonObject> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject pathItem = paths.getJsonObject(path);
            for (String key : pathItem.fieldNames()) {
                if (pathItem.getValue(key) instanceof JsonObject operation) {
                    operations.add(operation);
                }
            }
        }
        return operations;
    }

    private static JsonObject requestContent(JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        return body == null ? null : body.getJsonObject("content");
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
