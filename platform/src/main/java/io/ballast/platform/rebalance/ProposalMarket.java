package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The market estimates a proposal needs besides prices: each traded asset's liquidity, and the
 * annual covariance of the assets' returns for the tracking error.
 *
 * @param liquidityByAsset    per asset; every asset that trades needs one
 * @param covarianceAssets    the assets of the covariance's rows and columns, in order; every asset
 *                            with a weight before or after the trades or a target needs one
 * @param annualCovariance    annualised covariance of simple returns (as the quant core estimates it)
 */
public record ProposalMarket(Map<String, AssetLiquidity> liquidityByAsset, List<String> covarianceAssets, RealMatrix annualCovariance) {

    public ProposalMarket {
        if (liquidityByAsset == null) {
            throw new InvalidInputException("market.liquidityByAsset", "is missing");
        }
        liquidityByAsset = Map.copyOf(liquidityByAsset);
        if (covarianceAssets == null) {
            throw new InvalidInputException("market.covarianceAssets", "is missing");
        }
        covarianceAssets = List.copyOf(covarianceAssets);
        Set<String> unique = new HashSet<>(covarianceAssets);
        if (unique.size() != covarianceAssets.size()) {
            throw new InvalidInputException("market.covarianceAssets", "names an asset twice");
        }
        if (annualCovariance == null || !annualCovariance.isSquare() || annualCovariance.getRowDimension() != covarianceAssets.size()) {
            throw new InvalidInputException("market.annualCovariance",
                    "must be a square matrix with one row per covariance asset (" + covarianceAssets.size() + ")");
        }
        if (!MatrixUtils.isSymmetric(annualCovariance, 1e-12)) {
            throw new InvalidInputException("market.annualCovariance", "must be symmetric");
        }
        annualCovariance = annualCovariance.copy();
    }

    /** Convenience for a covariance given as rows. */
    public static ProposalMarket of(Map<String, AssetLiquidity> liquidityByAsset, List<String> covarianceAssets, double[][] annualCovariance) {
        if (annualCovariance == null || annualCovariance.length == 0) {
            throw new InvalidInputException("market.annualCovariance", "is missing");
        }
        return new ProposalMarket(liquidityByAsset, covarianceAssets, MatrixUtils.createRealMatrix(annualCovariance));
    }

    @Override
    public RealMatrix annualCovariance() {
        return annualCovariance.copy();
    }

    AssetLiquidity liquidity(String asset) {
        AssetLiquidity liquidity = liquidityByAsset.get(asset);
        if (liquidity == null) {
            throw new InvalidInputException("market.liquidityByAsset." + asset, "is missing: the asset trades, and its market impact needs it");
        }
        return liquidity;
    }
}
