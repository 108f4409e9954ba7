package io.ballast.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The figures of one benchmark run in the order they were measured, each handed on to the run's
 * report as soon as it is measured (a long run shows its progress), and all of them kept for the end.
 */
final class Measurements implements Consumer<Measurement> {

    private final List<Measurement> measured = new ArrayList<>();
    private final Consumer<Measurement> report;

    /** @param report what shows each figure as it comes */
    Measurements(Consumer<Measurement> report) {
        this.report = report;
    }

    @Override
    public void accept(Measurement measurement) {
        measured.add(measurement);
        report.accept(measurement);
    }

    /** Every figure so far, in the order measured. */
    List<Measurement> all() {
        return measured;
    }
}
