package io.ballast.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ballast.platform.security.AccessTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link BallastConfig} from the defaults, then one YAML file, then the environment, in
 * that order of precedence (the environment wins).
 *
 * <p>Every key {@code a.bKey} can be set by the variable {@code BALLAST_A_B_KEY}, or by
 * {@code BALLAST_A_B_KEY_FILE} naming a file that holds the value (for secrets). A key whose value
 * is a list (such as {@code security.tokens}) takes YAML or JSON text. An unknown key in the file
 * or an unknown {@code BALLAST_} variable is an error: a typo must not silently fall back to a default.
 */
public final class ConfigLoader {

    static final String ENV_PREFIX = "BALLAST_";
    private static final String FILE_SUFFIX = "_FILE";
    private static final int MIN_PRODUCTION_TOKEN_LENGTH = 32;

    private final ObjectMapper yaml;
    private final ObjectMapper binder;

    public ConfigLoader() {
        SimpleModule paths = new SimpleModule("ballast-config-paths");
        // Jackson writes a Path as an absolute file URI by default; the config keeps it as written
        paths.addSerializer(Path.class, ToStringSerializer.instance);
        this.yaml = new ObjectMapper(new YAMLFactory());
        this.binder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(paths)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "yes" for a boolean or 1.5 for a port is a mistake to report, not to coerce
        binder.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /**
     * @param file        the YAML file, or empty for defaults and environment only
     * @param environment the process environment (only {@code BALLAST_} variables are read)
     * @throws ConfigException naming the source, the key and the problem
     */
    public BallastConfig load(Optional<Path> file, Map<String, String> environment) {
        ObjectNode tree = binder.valueToTree(BallastConfig.defaults());
        Set<String> freeForm = new HashSet<>();
        freeFormKeys(tree, "", freeForm);
        if (file.isPresent()) {
            mergeFile(tree, file.get(), freeForm);
        }
        applyEnvironment(tree, environment, freeForm);
        BallastConfig config = bind(tree, file);
        checkConsistency(config, file.map(Path::toString).orElse("config"));
        return config;
    }

    /** Rules that tie several keys together, which no single record can check. */
    private static void checkConsistency(BallastConfig config, String origin) {
        try {
            AccessTokens.from(config.security()); // the roles and uniqueness rules live with the tokens
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException(origin + ": " + invalid.getMessage());
        }
        List<BallastConfig.AccessToken> tokens = config.security().tokens();
        if (config.mode() == BallastConfig.Mode.PRODUCTION) {
            for (int i = 0; i < tokens.size(); i++) {
                BallastConfig.AccessToken token = tokens.get(i);
                if (token.token().length() < MIN_PRODUCTION_TOKEN_LENGTH) {
                    throw new ConfigException(origin + ": security.tokens[" + i + "].token: production mode needs tokens of at least "
                            + MIN_PRODUCTION_TOKEN_LENGTH + " characters (this one, of user " + token.user() + ", has "
                            + token.token().length() + ")");
                }
            }
        }
        if (config.mode() == BallastConfig.Mode.PRODUCTION && tokens.isEmpty()) {
            throw new ConfigException(origin + ": security.tokens: production mode needs at least one token; none is made up for you");
        }
        BallastConfig.Workflow workflow = config.workflow();
        if (workflow.mode() == BallastConfig.WorkflowMode.REMOTE) {
            if (workflow.remote().grpcAddress().isBlank()) {
                throw new ConfigException(origin + ": workflow.remote.grpcAddress: must be set when workflow.mode is remote");
            }
            if (workflow.remote().restAddress().isBlank()) {
                throw new ConfigException(origin + ": workflow.remote.restAddress: must be set when workflow.mode is remote");
            }
        }
    }

    /** The environment variable that sets {@code key}, e.g. {@code store.jdbcUrl} → {@code BALLAST_STORE_JDBC_URL}. */
    public static String environmentVariable(String key) {
        StringBuilder name = new StringBuilder(ENV_PREFIX);
        for (char c : key.toCharArray()) {
            if (c == '.') {
                name.append('_');
            } else if (Character.isUpperCase(c)) {
                name.append('_').append(c);
            } else {
                name.append(Character.toUpperCase(c));
            }
        }
        return name.toString();
    }

    /** The keys whose default is an empty mapping: free-form ones (a venue's parameters), taken whole from the file or a variable. */
    private static void freeFormKeys(ObjectNode level, String prefix, Set<String> keys) {
        level.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                if (field.getValue().isEmpty()) {
                    keys.add(prefix + field.getKey());
                } else {
                    freeFormKeys((ObjectNode) field.getValue(), prefix + field.getKey() + ".", keys);
                }
            }
        });
    }

    private void mergeFile(ObjectNode tree, Path file, Set<String> freeForm) {
        JsonNode fromFile;
        try {
            fromFile = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ConfigException(file + ": not valid YAML" + at + ": " + yamlProblem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (fromFile == null || fromFile.isMissingNode() || fromFile.isNull()) {
            return; // an empty file means all defaults
        }
        if (!fromFile.isObject()) {
            throw new ConfigException(file + ": the top level must be a mapping of keys, not " + fromFile.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        merge(tree, (ObjectNode) fromFile, "", file.toString(), freeForm);
    }

    /** The parser's own problem sentence: its message also quotes the file over several lines, which a one-line error must not. */
    private static String yamlProblem(String message) {
        String problem = message;
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line;
            }
        }
        return problem.strip();
    }

    private static void merge(ObjectNode target, ObjectNode source, String prefix, String origin, Set<String> freeForm) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode known = target.get(field.getKey());
            if (known == null) {
                throw new ConfigException(origin + ": unknown key '" + key + "'" + suggestion(target, prefix));
            }
            JsonNode value = field.getValue();
            if (known.isObject() && !freeForm.contains(key)) {
                if (!value.isObject()) {
                    throw new ConfigException(origin + ": " + key + ": must be a mapping of keys, got " + describe(value));
                }
                merge((ObjectNode) known, (ObjectNode) value, key + ".", origin, freeForm);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    private static String suggestion(ObjectNode level, String prefix) {
        List<String> keys = new ArrayList<>();
        level.fieldNames().forEachRemaining(name -> keys.add(prefix + name));
        return "; known keys here: " + String.join(", ", keys);
    }

    private void applyEnvironment(ObjectNode tree, Map<String, String> environment, Set<String> freeForm) {
        TreeSet<String> unused = new TreeSet<>();
        environment.keySet().stream().filter(name -> name.startsWith(ENV_PREFIX)).forEach(unused::add);
        applyEnvironment(tree, "", environment, unused, freeForm);
        if (!unused.isEmpty()) {
            String name = unused.first();
            throw new ConfigException("environment " + name + ": no config key is set by this variable (see samples/ballast.yaml for the keys)");
        }
    }

    private void applyEnvironment(ObjectNode level, String prefix, Map<String, String> environment, TreeSet<String> unused,
                                  Set<String> freeForm) {
        List<String> names = new ArrayList<>();
        level.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String key = prefix + name;
            JsonNode current = level.get(name);
            if (current.isObject() && !freeForm.contains(key)) {
                applyEnvironment((ObjectNode) current, key + ".", environment, unused, freeForm);
                continue;
            }
            String variable = environmentVariable(key);
            Optional<String> raw = environmentValue(variable, environment, unused);
            if (raw.isPresent()) {
                level.set(name, parseScalar(key, variable, current, raw.get()));
            }
        }
    }

    private static Optional<String> environmentValue(String variable, Map<String, String> environment, TreeSet<String> unused) {
        String direct = environment.get(variable);
        String fromFile = environment.get(variable + FILE_SUFFIX);
        unused.remove(variable);
        unused.remove(variable + FILE_SUFFIX);
        if (direct != null && fromFile != null) {
            throw new ConfigException("environment " + variable + " and " + variable + FILE_SUFFIX + ": set one, not both");
        }
        if (fromFile != null) {
            try {
                return Optional.of(Files.readString(Path.of(fromFile)).strip());
            } catch (IOException e) {
                throw new ConfigException("environment " + variable + FILE_SUFFIX + ": cannot read " + fromFile + ": " + e.getMessage());
            }
        }
        return Optional.ofNullable(direct);
    }

    private JsonNode parseScalar(String key, String variable, JsonNode current, String raw) {
        String origin = "environment " + variable;
        if (current.isArray() || current.isObject()) {
            try {
                return yaml.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new ConfigException(origin + ": " + key + ": not valid YAML or JSON: " + e.getOriginalMessage());
            }
        }
        if (current.isBoolean()) {
            return switch (raw.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> BooleanNode.TRUE;
                case "false" -> BooleanNode.FALSE;
                default -> throw new ConfigException(origin + ": " + key + ": must be true or false, got '" + raw + "'");
            };
        }
        if (current.isIntegralNumber()) {
            try {
                return LongNode.valueOf(Long.parseLong(raw.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(origin + ": " + key + ": must be a whole number, got '" + raw + "'");
            }
        }
        if (current.isNumber()) {
            try {
                return DecimalNode.valueOf(new BigDecimal(raw.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(origin + ": " + key + ": must be a number, got '" + raw + "'");
            }
        }
        return TextNode.valueOf(raw);
    }

    private BallastConfig bind(ObjectNode tree, Optional<Path> file) {
        String origin = file.map(Path::toString).orElse("config");
        try {
            return binder.treeToValue(tree, BallastConfig.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                // the record constructors name the full key themselves
                throw new ConfigException(origin + ": " + invalid.getMessage());
            }
            throw new ConfigException(origin + ": " + keyOf(e) + ": " + problemOf(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": " + e.getOriginalMessage());
        }
    }

    private static String keyOf(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!key.isEmpty()) {
                    key.append('.');
                }
                key.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.isEmpty() ? "(top level)" : key.toString();
    }

    private static String problemOf(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unrecognized field")) {
            return "unknown key";
        }
        if (message.contains("Cannot deserialize value of type `java.time.Duration`")) {
            return "must be an ISO-8601 duration such as PT10S";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "must be one of " + wireNames(invalid.getTargetType());
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    /** The names an enum is written with in YAML, in declaration order. */
    private static String wireNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Field constant : enumType.getFields()) {
            if (constant.isEnumConstant()) {
                JsonProperty wire = constant.getAnnotation(JsonProperty.class);
                names.add(wire != null ? wire.value() : constant.getName());
            }
        }
        return String.join(", ", names);
    }

    private static String describe(JsonNode value) {
        return value.isTextual() ? "'" + value.asText() + "'" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
