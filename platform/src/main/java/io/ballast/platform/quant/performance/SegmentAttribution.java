package io.ballast.platform.quant.performance;

/**
 * One segment's Brinson-Hood-Beebower effects, fractions of portfolio value.
 *
 * @param segment the segment's name
 * @param allocationEffect {@code (w_p,i - w_b,i) r_b,i}
 * @param selectionEffect {@code w_b,i (r_p,i - r_b,i)}
 * @param interactionEffect {@code (w_p,i - w_b,i)(r_p,i - r_b,i)}
 * @param totalEffect the three summed, {@code w_p,i r_p,i - w_b,i r_b,i}
 */
public record SegmentAttribution(String segment, double allocationEffect, double selectionEffect, double interactionEffect,
        double totalEffect) {
}
