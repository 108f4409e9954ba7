package io.ballast.platform.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.problem.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that bad input is refused with the field a user would have to fix and a problem saying what is wrong. */
public final class Rejection {

    private Rejection() {
    }

    public static void assertRejected(ThrowingCallable call, String field, String problemPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problemPart);
        });
    }
}
