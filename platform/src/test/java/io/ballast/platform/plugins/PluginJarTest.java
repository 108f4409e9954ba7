package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API range a plugin declares, checked against the API this platform provides (here 2.0.0). */
class PluginJarTest {

    private static PluginJar requiring(String range) {
        return new PluginJar("p", "1.0.0", Optional.of(range), "");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*", ">=1.0.0", ">=2.0.0", ">1.5.0"})
    void aRangeWithoutAnUpperBoundIsRefusedEvenWhenItAdmitsTheApi(String range) {
        assertThatThrownBy(() -> requiring(range).requireApi("2.0.0"))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessage("plugin p: Plugin-Requires '" + range + "' has no upper bound below the next major version 3.0.0"
                        + " of the Ballast API (declare e.g. ^2.0.0)")
                .satisfies(refused -> assertThat(((PluginRefusedException) refused).refusal()).isEqualTo(Refusal.API_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"^2.0.0", "~2.0", ">=1.0.0 & <3.0.0", "2.0.0"})
    void aRangeBoundedBelowTheNextMajorVersionIsAccepted(String range) {
        assertThatCode(() -> requiring(range).requireApi("2.0.0")).doesNotThrowAnyException();
    }

    @Test
    void aRangeOfAnOlderMajorVersionIsRefusedAsBefore() {
        assertThatThrownBy(() -> requiring("^1.1.0").requireApi("2.0.0"))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessage("plugin p requires Ballast API ^1.1.0, this platform provides 2.0.0");
    }
}
