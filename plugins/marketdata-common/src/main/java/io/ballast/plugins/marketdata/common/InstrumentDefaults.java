package io.ballast.plugins.marketdata.common;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.List;
import java.util.Optional;

/**
 * What a source says about an instrument when its data say only the asset id: the asset class,
 * sector and currency come from three parameters, the name is the id.
 *
 * @param assetClass the asset class
 * @param sector     the sector
 * @param currency   the ISO 4217 price currency, upper case
 */
public record InstrumentDefaults(AssetClass assetClass, String sector, String currency) {

    public static final ParameterSpec ASSET_CLASS = new ParameterSpec("assetClass", ParameterType.STRING,
            "The asset class of an instrument whose data do not say: EQUITY or CRYPTO (any case)",
            Optional.of("EQUITY"), Optional.empty(), Optional.empty());
    public static final ParameterSpec SECTOR = new ParameterSpec("sector", ParameterType.STRING,
            "The sector of an instrument whose data do not say",
            Optional.of("Unclassified"), Optional.empty(), Optional.empty());
    public static final ParameterSpec CURRENCY = new ParameterSpec("currency", ParameterType.STRING,
            "The ISO 4217 price currency of an instrument whose data do not say, e.g. USD (any case)",
            Optional.of("USD"), Optional.empty(), Optional.empty());

    /** The three parameters, in the order a source lists them. */
    public static final List<ParameterSpec> SPECS = List.of(ASSET_CLASS, SECTOR, CURRENCY);

    public static InstrumentDefaults read(SourceParameters values) {
        return new InstrumentDefaults(values.choice(ASSET_CLASS, AssetClass.class), values.text(SECTOR), values.currency(CURRENCY));
    }

    /** The instrument {@code id}, named by its id. */
    public Instrument instrument(String id) {
        return new Instrument(id, id, assetClass, sector, currency);
    }
}
