package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How GET /api/v1/plugins writes a parameter declaration: plain JSON values, never a plugin's own objects. */
class PluginHostPortTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIntegerParameterIsWrittenWithWholeNumbers() throws Exception {
        ParameterSpec days = new ParameterSpec("days", ParameterType.INTEGER, "window", Optional.of(20), Optional.of(2.0), Optional.of(250.0));

        assertThat(JSON.readTree(JSON.writeValueAsString(PluginHostPort.view(days)))).isEqualTo(JSON.readTree("""
                {"name":"days","type":"INTEGER","description":"window","default":20,"minimum":2,"maximum":250}"""));
    }

    @Test
    void aMapDefaultIsWrittenAsAnObjectOfNumbersAndAllowedValuesAreListed() throws Exception {
        ParameterSpec budgets = new ParameterSpec("budgets", ParameterType.NUMBER_BY_NAME, "by asset", Optional.of(Map.of("A", 1)),
                Optional.of(0.0), Optional.empty());
        ParameterSpec linkage = ParameterSpec.oneOf("linkage", "join", Optional.of("single"), List.of("single", "ward"));

        assertThat(JSON.readTree(JSON.writeValueAsString(List.of(PluginHostPort.view(budgets), PluginHostPort.view(linkage)))))
                .isEqualTo(JSON.readTree("""
                        [{"name":"budgets","type":"NUMBER_BY_NAME","description":"by asset","default":{"A":1.0},"minimum":0.0},
                         {"name":"linkage","type":"STRING","description":"join","default":"single","allowedValues":["single","ward"]}]"""));
    }
}
