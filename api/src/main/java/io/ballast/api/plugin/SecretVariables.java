package io.ballast.api.plugin;

/**
 * The rule for secrets a plugin reads (a password, a token, a webhook address that is itself the
 * secret): never a parameter value, only the value of an environment variable whose name a
 * parameter gives, and only a variable whose name starts with {@value #PREFIX}. The operator
 * decides which secrets plugins may use by which variables with that prefix the platform is
 * started with; a caller cannot make a plugin read, or send elsewhere, any other variable
 * ({@code PATH}, a database password).
 */
public final class SecretVariables {

    /** The start of every environment variable name a plugin may read a secret from. */
    public static final String PREFIX = "BALLAST_PLUGIN_SECRET_";

    private SecretVariables() {
    }

    /**
     * @param parameter the parameter that gave {@code variableName}, for the message
     * @return {@code variableName}, stripped
     * @throws IllegalArgumentException naming the parameter, when the name does not start with {@link #PREFIX}
     */
    public static String requireSecretName(String parameter, String variableName) {
        String name = variableName.strip();
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            throw ParameterValues.invalid(parameter, "must name an environment variable whose name starts with " + PREFIX
                    + " (plugins read secrets from no other), got '" + name + "'");
        }
        return name;
    }
}
