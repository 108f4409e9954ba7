package io.ballast.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** How an analysis command prints its result: JSON for programs, an aligned table for people. */
enum OutputFormat {
    json {
        @Override
        void write(CommandOutput output, PrintWriter out) {
            try {
                out.println(MAPPER.writeValueAsString(output.json()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write the result as JSON", e);
            }
        }
    },
    table {
        @Override
        void write(CommandOutput output, PrintWriter out) {
            out.print(output.table());
        }
    };

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    abstract void write(CommandOutput output, PrintWriter out);

    /** A result both formats can print. */
    interface CommandOutput {

        /** What Jackson writes: records, maps, lists and numbers. */
        Object json();

        /** Lines of aligned text, each ending in a newline. */
        String table();
    }
}
