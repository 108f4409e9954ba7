package io.ballast.api.risk;

import java.util.Objects;

/** What a risk decision is about: one asset's position, the whole portfolio, or a proposed trade. */
public record RiskSubject(Kind kind, String id) {

    public enum Kind { ASSET, PORTFOLIO, TRADE }

    public RiskSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static RiskSubject asset(String asset) {
        return new RiskSubject(Kind.ASSET, asset);
    }

    public static RiskSubject portfolio(String portfolioId) {
        return new RiskSubject(Kind.PORTFOLIO, portfolioId);
    }

    /** A proposed trade, by its {@link ProposedTrade#id()}. */
    public static RiskSubject trade(String tradeId) {
        return new RiskSubject(Kind.TRADE, tradeId);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
