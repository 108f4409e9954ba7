package io.ballast.plugins.marketdata.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path with placeholders such as {@code /bars/{asset}?from={from}&to={to}}: each placeholder is
 * replaced by its value, percent-encoded so that it is safe in a path segment and in a query.
 *
 * @param parameter the parameter that gave the template, for messages
 * @param template  the template
 */
record PathTemplate(String parameter, String template) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** @throws IllegalArgumentException naming the parameter when the template uses a placeholder outside {@code allowed} */
    PathTemplate requirePlaceholders(Set<String> allowed) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            if (!allowed.contains(placeholders.group(1))) {
                throw new IllegalArgumentException("parameter " + parameter + ": unknown placeholder " + placeholders.group()
                        + " in '" + template + "'; it may use " + allowed.stream().sorted().map(name -> "{" + name + "}").toList());
            }
        }
        return this;
    }

    String expand(Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(placeholder -> Matcher.quoteReplacement(
                // URLEncoder writes a space as + (a form's convention); in a path a space is %20
                URLEncoder.encode(values.get(placeholder.group(1)), StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
