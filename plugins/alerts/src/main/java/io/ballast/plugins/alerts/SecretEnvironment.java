package io.ballast.plugins.alerts;

import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.plugin.SecretVariables;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the channels read secrets (a password, a webhook address that is itself the secret): the
 * platform's environment, by a variable's name that a parameter gives, so a secret is never a
 * parameter value and never appears in a message. Only names starting with
 * {@value SecretVariables#PREFIX} are read ({@link SecretVariables}).
 *
 * @param variables the value of an environment variable by its name, null when it is not set
 */
record SecretEnvironment(UnaryOperator<String> variables) {

    SecretEnvironment {
        Objects.requireNonNull(variables, "variables");
    }

    /** The process's own environment. */
    static SecretEnvironment ofProcess() {
        return new SecretEnvironment(System::getenv);
    }

    /**
     * The value of the variable {@code name}, which parameter {@code parameter} gave.
     *
     * @throws IllegalArgumentException naming the parameter and the variable, when the name lacks the secret prefix or
     *                                  the variable is not set or blank
     */
    String secret(String parameter, String variableName) {
        String name = SecretVariables.requireSecretName(parameter, variableName);
        String value = variables.apply(name);
        if (value == null || value.isBlank()) {
            throw ParameterValues.invalid(parameter, "the environment variable " + name + " is not set");
        }
        return value;
    }
}
