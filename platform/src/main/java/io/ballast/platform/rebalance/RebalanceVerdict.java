package io.ballast.platform.rebalance;

/**
 * Whether a proposal's expected benefit pays for its estimated cost.
 *
 * <p>The rule: with {@code cost} the total estimated cost as a fraction of NAV and {@code benefit}
 * the reduction of annual ex-ante tracking error against the targets, the proposal is
 * {@link #WORTH_TRADING} when {@code benefit > 0} and {@code cost <= benefitMultiplier × benefit},
 * else {@link #NOT_WORTH_TRADING}; with no trade left it is {@link #NOTHING_TO_DO}.
 *
 * <p>Why this rule: both sides are fractions of NAV on the same scale (a one-sigma year of
 * tracking error costs about that fraction of NAV against the target portfolio, and the cost is
 * paid once), so with a multiplier of 1 one pays at most a basis point of NAV for each basis
 * point of annual tracking error removed. The multiplier carries the manager's view: above 1
 * when the portfolio is expected to stay rebalanced for longer than a year or tracking error is
 * penalised heavily, below 1 to trade only on clear wins. Requiring a positive benefit keeps a
 * costless but pointless trade list (nothing gets closer to the targets) from being approved.
 */
public enum RebalanceVerdict {
    WORTH_TRADING,
    NOT_WORTH_TRADING,
    NOTHING_TO_DO
}
