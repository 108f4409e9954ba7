/**
 * The facts the risk rules judge, assembled from a stored portfolio or inline positions, the stored
 * prices and instrument data, and the proposed trades. Entry point: {@link io.ballast.platform.riskfacts.RiskFactsAssembler}.
 */
package io.ballast.platform.riskfacts;
