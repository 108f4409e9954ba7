package io.ballast.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractViolationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '#/name'                 | name
            '#/positions/0/quantity' | positions[0].quantity
            '#/positions/12'         | positions[12]
            '#/a~1b/c~0d'            | a/b.c~d
            '#'                      | ''
            """)
    void aJsonPointerBecomesTheJsonPathStyleOfInvalidInputException(String pointer, String path) {
        assertThat(ContractViolations.jsonPath(pointer)).isEqualTo(path);
    }
}
