package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.plugin.ParameterSpec;
import java.util.List;
import java.util.Objects;

/**
 * What an optimizer of this plugin says about itself: its id (the CLI {@code --method} name), the
 * plugin's version, a one-sentence description and the parameters it reads. Subclasses pass them
 * once to the constructor; PF4J finds subclasses annotated {@code @Extension} as it finds any other.
 */
public abstract class DescribedOptimizer implements Optimizer {

    /** Every optimizer here ships with the plugin, so they share its version. */
    private static final String VERSION = "1.0.0";

    private final String id;
    private final String description;
    private final List<ParameterSpec> parameters;

    protected DescribedOptimizer(String id, String description, List<ParameterSpec> parameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return VERSION;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }
}
