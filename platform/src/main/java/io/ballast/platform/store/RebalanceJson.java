package io.ballast.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.trigger.TriggerFiring;

/**
 * The JSON text of a rebalance's request, proposal, trigger firing and execution prices, as the store keeps them.
 *
 * <p>The records serialise as they are. BigDecimal amounts are written plain ({@code 0.00000001},
 * never {@code 1E-8}) and read back from the number's text, so value and scale come back exactly;
 * doubles are written in their shortest exact form and come back as the same double. Untyped
 * numbers (optimizer parameters) come back as {@code Long} or {@code Double}, as the platform passes
 * them to an extension. Times are ISO-8601 text.
 */
final class RebalanceJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private RebalanceJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static RebalanceRequest request(String json, String rebalanceId) {
        return read(json, RebalanceRequest.class, rebalanceId);
    }

    static RebalanceProposal proposal(String json, String rebalanceId) {
        return read(json, RebalanceProposal.class, rebalanceId);
    }

    static TriggerFiring trigger(String json, String rebalanceId) {
        return read(json, TriggerFiring.class, rebalanceId);
    }

    static ExecutionPrices executionPrices(String json, String rebalanceId) {
        return read(json, ExecutionPrices.class, rebalanceId);
    }

    private static <T> T read(String json, Class<T> type, String rebalanceId) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            // only a schema change without a data migration gets here: name what cannot be read
            throw new StoreException("rebalance " + rebalanceId + ": the stored " + type.getSimpleName()
                    + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
