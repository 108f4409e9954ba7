package io.ballast.platform.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.problem.FailureMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a scenario file, {@code rules/tests/<name>.yaml}: {@code scenarios:} a list, each with a
 * {@code name}, optional {@code limits} (dotted limit names to numbers), {@code given} facts
 * ({@code portfolio}, {@code positions}, {@code trades}) and {@code expect}, the exact decisions.
 *
 * <p>Strict: an unknown key, a missing required one or a value of the wrong kind is an error that
 * names the file, the scenario and the key, so that a typo never makes a scenario pass by testing less.
 */
final class ScenarioFile {

    /** The portfolio id of every fact a scenario does not give one. */
    static final String SCENARIO_PORTFOLIO = "scenario";
    static final double DEFAULT_NET_ASSET_VALUE = 1_000_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** How a scenario writes a tail loss the platform could not estimate (YAML's .nan is not read as a number). */
    private static final String UNKNOWN = "unknown";

    private static final Set<String> SCENARIO_KEYS = Set.of("name", "limits", "given", "expect");
    private static final Set<String> GIVEN_KEYS = Set.of("portfolio", "positions", "trades");
    private static final Set<String> PORTFOLIO_KEYS = Set.of("portfolioId", "netAssetValue", "peakNetAssetValue",
            "valueAtRisk95Fraction", "expectedShortfall95Fraction", "valueAtRisk99Fraction", "expectedShortfall99Fraction",
            "grossExposure", "netExposure", "herfindahlIndex", "dailyPnl", "volatilityRegime");
    private static final Set<String> POSITION_KEYS = Set.of("portfolioId", "asset", "sector", "quantity", "averageEntryPrice",
            "lastPrice", "unrealisedPnlFraction", "peakPriceSinceEntry", "weight", "leverage", "liquidationPrice");
    private static final Set<String> TRADE_KEYS = Set.of("id", "portfolioId", "asset", "sector", "side", "quantity", "notional",
            "currentWeight", "resultingWeight", "currentSectorWeight", "resultingSectorWeight", "resultingLeverage");
    private static final Set<String> EXPECT_KEYS = Set.of("rule", "action", "subject", "severity", "reduceFraction", "messageContains");

    private final Path directory;
    private final String file;

    private ScenarioFile(Path directory, String file) {
        this.directory = directory;
        this.file = file;
    }

    /**
     * @param directory the rules directory, for messages
     * @param file      the file's path below it, e.g. {@code tests/stop-loss.yaml}
     * @param content   its text; blank means no scenarios
     * @throws RuleFileException naming the file, the scenario and the key at fault
     */
    static List<Scenario> parse(Path directory, String file, String content) {
        return new ScenarioFile(directory, file).parse(content);
    }

    private List<Scenario> parse(String content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new RuleFileException(directory, new RuleFileError(file, line,
                    "not valid YAML: " + FailureMessages.oneLine(e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        Fields top = new Fields("", "", root, Set.of("scenarios"));
        List<JsonNode> items = top.list("scenarios", true);
        List<Scenario> scenarios = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "scenarios[" + i + "]";
            if (!item.isObject()) {
                throw error(where + ": must be a map with name, given and expect");
            }
            // the name first, so that every other message can name the scenario
            String name = new Fields(where + ": ", "", item, Set.of()).text("name", true);
            if (!names.add(name)) {
                throw error("scenario '" + name + "': the name is taken by an earlier scenario of this file");
            }
            scenarios.add(scenario(name, new Fields("scenario '" + name + "': ", "", item, SCENARIO_KEYS)));
        }
        return scenarios;
    }

    private Scenario scenario(String name, Fields fields) {
        Map<String, Double> limits = new LinkedHashMap<>();
        Optional<Fields> limitsNode = fields.map("limits", Set.of());
        limitsNode.ifPresent(node -> node.node.fieldNames().forEachRemaining(limit -> limits.put(limit, node.number(limit, true))));
        Fields given = fields.map("given", GIVEN_KEYS).orElse(null);
        Optional<PortfolioRisk> portfolio = Optional.empty();
        List<PositionRisk> positions = new ArrayList<>();
        List<ProposedTrade> trades = new ArrayList<>();
        if (given != null) {
            portfolio = given.map("portfolio", PORTFOLIO_KEYS).map(this::portfolio);
            List<JsonNode> positionNodes = given.list("positions", false);
            for (int i = 0; i < positionNodes.size(); i++) {
                positions.add(position(given.element("positions", i, positionNodes.get(i), POSITION_KEYS)));
            }
            List<JsonNode> tradeNodes = given.list("trades", false);
            for (int i = 0; i < tradeNodes.size(); i++) {
                trades.add(trade(given.element("trades", i, tradeNodes.get(i), TRADE_KEYS)));
            }
        }
        List<JsonNode> expectNodes = fields.list("expect", true);
        List<ExpectedDecision> expected = new ArrayList<>();
        for (int i = 0; i < expectNodes.size(); i++) {
            expected.add(expectation(fields.element("expect", i, expectNodes.get(i), EXPECT_KEYS)));
        }
        RiskFacts facts;
        try {
            facts = new RiskFacts(portfolio, positions, trades);
        } catch (IllegalArgumentException invalid) {
            throw error(fields.prefix + "given.trades: " + invalid.getMessage());
        }
        return new Scenario(file, name, limits, facts, expected);
    }

    private PortfolioRisk portfolio(Fields fields) {
        double nav = fields.optionalNumber("netAssetValue").orElse(DEFAULT_NET_ASSET_VALUE);
        return fields.build(() -> new PortfolioRisk(
                fields.optionalText("portfolioId").orElse(SCENARIO_PORTFOLIO),
                nav,
                fields.optionalNumber("peakNetAssetValue").orElse(nav),
                fields.tailLossFraction("valueAtRisk95Fraction"),
                fields.tailLossFraction("expectedShortfall95Fraction"),
                fields.tailLossFraction("valueAtRisk99Fraction"),
                fields.tailLossFraction("expectedShortfall99Fraction"),
                fields.optionalNumber("grossExposure").orElse(0),
                fields.optionalNumber("netExposure").orElse(0),
                fields.optionalNumber("herfindahlIndex").orElse(0),
                fields.optionalNumber("dailyPnl").orElse(0),
                fields.optionalEnum("volatilityRegime", VolatilityRegime.class).orElse(VolatilityRegime.NORMAL)));
    }

    private PositionRisk position(Fields fields) {
        String asset = fields.text("asset", true);
        double quantity = fields.number("quantity", true);
        double entry = fields.number("averageEntryPrice", true);
        double last = fields.number("lastPrice", true);
        return fields.build(() -> {
            PositionRisk fromPrices = PositionRisk.ofPrices(
                    fields.optionalText("portfolioId").orElse(SCENARIO_PORTFOLIO), asset, quantity, entry, last);
            OptionalDouble liquidation = fields.optionalNumber("liquidationPrice");
            return new PositionRisk(fromPrices.portfolioId(), asset,
                    fields.optionalText("sector").orElse(PositionRisk.UNCLASSIFIED_SECTOR), quantity, entry, last,
                    fields.optionalNumber("unrealisedPnlFraction").orElse(fromPrices.unrealisedPnlFraction()),
                    fields.optionalNumber("peakPriceSinceEntry").orElse(fromPrices.peakPriceSinceEntry()),
                    fields.optionalNumber("weight").orElse(0),
                    fields.optionalNumber("leverage").orElse(1),
                    liquidation.isPresent() ? liquidation.getAsDouble() : null);
        });
    }

    private ProposedTrade trade(Fields fields) {
        String id = fields.text("id", true);
        String asset = fields.text("asset", true);
        OrderSide side = fields.enumValue("side", OrderSide.class);
        double quantity = fields.number("quantity", true);
        double notional = fields.number("notional", true);
        double currentWeight = fields.number("currentWeight", true);
        double resultingWeight = fields.number("resultingWeight", true);
        double currentSectorWeight = fields.number("currentSectorWeight", true);
        double resultingSectorWeight = fields.number("resultingSectorWeight", true);
        double resultingLeverage = fields.number("resultingLeverage", true);
        return fields.build(() -> new ProposedTrade(id, fields.optionalText("portfolioId").orElse(SCENARIO_PORTFOLIO), asset,
                fields.optionalText("sector").orElse(PositionRisk.UNCLASSIFIED_SECTOR), side, quantity, notional,
                currentWeight, resultingWeight, currentSectorWeight, resultingSectorWeight, resultingLeverage));
    }

    private ExpectedDecision expectation(Fields fields) {
        String rule = fields.text("rule", true);
        RiskAction action = fields.enumValue("action", RiskAction.class);
        RiskSubject subject = fields.subject("subject");
        Optional<Severity> severity = fields.optionalEnum("severity", Severity.class);
        OptionalDouble reduceFraction = fields.optionalNumber("reduceFraction");
        Optional<String> messageContains = fields.optionalText("messageContains");
        return new ExpectedDecision(rule, action, subject, severity, reduceFraction, messageContains);
    }

    private RuleFileException error(String message) {
        return new RuleFileException(directory, new RuleFileError(file, 0, message));
    }

    /**
     * The keys of one map of the file, read with the path that names them in messages.
     *
     * @param prefix what the message starts with, e.g. {@code scenario 'x': }
     * @param path   the dotted path of this map inside the scenario, e.g. {@code given.positions[0].}; empty at the top
     */
    private final class Fields {
        private final String prefix;
        private final String path;
        private final JsonNode node;

        /** @param known the keys this map may have; empty for any (a map of limit names) */
        Fields(String prefix, String path, JsonNode node, Set<String> known) {
            this.prefix = prefix;
            this.path = path;
            this.node = node;
            if (!known.isEmpty()) {
                for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!known.contains(key)) {
                        throw error(prefix + "unknown key " + path + key + " (known: "
                                + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
                    }
                }
            }
        }

        private JsonNode value(String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error(prefix + "key " + path + key + " is required");
                }
                return null;
            }
            return value;
        }

        private RuleFileException wrong(String key, String expected, JsonNode value) {
            return error(prefix + "key " + path + key + " must be " + expected + ", not "
                    + (value.isTextual() ? "the text \"" + value.asText() + "\"" : value.getNodeType().name().toLowerCase(Locale.ROOT)));
        }

        String text(String key, boolean required) {
            return optionalText(key).orElseGet(() -> {
                value(key, required);
                return null;
            });
        }

        Optional<String> optionalText(String key) {
            JsonNode value = value(key, false);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw wrong(key, "text", value);
            }
            return Optional.of(value.asText());
        }

        /** A tail-loss fraction: a number, or {@code unknown} for a portfolio with too little history (NaN); 0 when left out. */
        double tailLossFraction(String key) {
            JsonNode value = value(key, false);
            if (value != null && value.isTextual() && UNKNOWN.equals(value.asText())) {
                return Double.NaN;
            }
            return optionalNumber(key).orElse(0);
        }

        double number(String key, boolean required) {
            value(key, required);
            return optionalNumber(key).orElse(Double.NaN);
        }

        OptionalDouble optionalNumber(String key) {
            JsonNode value = value(key, false);
            if (value == null) {
                return OptionalDouble.empty();
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw wrong(key, "a number", value);
            }
            return OptionalDouble.of(value.doubleValue());
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            value(key, true);
            return optionalEnum(key, type).orElseThrow();
        }

        <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
            Optional<String> text = optionalText(key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text.get())) {
                    return Optional.of(constant);
                }
            }
            throw error(prefix + "key " + path + key + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not \"" + text.get() + "\"");
        }

        /** {@code asset:AAPL}, {@code portfolio:<id>} or {@code trade:<id>}. */
        RiskSubject subject(String key) {
            String text = text(key, true);
            int colon = text.indexOf(':');
            String kind = colon < 0 ? "" : text.substring(0, colon);
            String id = colon < 0 ? "" : text.substring(colon + 1);
            if (id.isEmpty()) {
                throw error(prefix + "key " + path + key + " must be asset:<asset>, portfolio:<id> or trade:<id>, not \"" + text + "\"");
            }
            return switch (kind) {
                case "asset" -> RiskSubject.asset(id);
                case "portfolio" -> RiskSubject.portfolio(id);
                case "trade" -> RiskSubject.trade(id);
                default -> throw error(prefix + "key " + path + key
                        + " must be asset:<asset>, portfolio:<id> or trade:<id>, not \"" + text + "\"");
            };
        }

        Optional<Fields> map(String key, Set<String> known) {
            JsonNode value = value(key, false);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                throw wrong(key, "a map", value);
            }
            return Optional.of(new Fields(prefix, path + key + ".", value, known));
        }

        List<JsonNode> list(String key, boolean required) {
            JsonNode value = value(key, required);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                throw wrong(key, "a list", value);
            }
            List<JsonNode> items = new ArrayList<>();
            value.elements().forEachRemaining(items::add);
            return items;
        }

        Fields element(String key, int index, JsonNode item, Set<String> known) {
            String elementPath = path + key + "[" + index + "]";
            if (!item.isObject()) {
                throw error(prefix + "key " + elementPath + " must be a map");
            }
            return new Fields(prefix, elementPath + ".", item, known);
        }

        /** Builds a fact; what its own checks refuse (a negative price) is reported at this map's path. */
        <T> T build(java.util.function.Supplier<T> fact) {
            try {
                return fact.get();
            } catch (IllegalArgumentException invalid) {
                String where = path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ";
                throw error(prefix + where + invalid.getMessage());
            }
        }
    }
}
