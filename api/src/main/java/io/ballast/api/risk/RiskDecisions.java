package io.ballast.api.risk;

/**
 * Where rules put what they decide: DRL files declare it as the global {@code decisions} and
 * call {@link #add} from a rule's consequence.
 */
@FunctionalInterface
public interface RiskDecisions {
    void add(RiskDecision decision);
}
