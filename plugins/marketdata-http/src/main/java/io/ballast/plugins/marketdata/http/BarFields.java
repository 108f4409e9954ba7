package io.ballast.plugins.marketdata.http;

import java.util.Optional;

/**
 * The names of a bar's fields in the server's JSON objects. A server that sends only closes has
 * no open, high, low or volume field: then open, high and low are the close and volume is zero.
 *
 * @param time   the field of the bar's day (see {@link JsonBars} for the forms it may take)
 * @param open   the open's field, if the server sends one
 * @param high   the high's field, if the server sends one
 * @param low    the low's field, if the server sends one
 * @param close  the close's field
 * @param volume the volume's field, if the server sends one
 */
record BarFields(String time, Optional<String> open, Optional<String> high, Optional<String> low, String close,
                 Optional<String> volume) {
}
