package io.ballast.platform.store;

/** Where a stored alert is on its way to the alert channels. */
public enum AlertDelivery {
    /** Stored, not yet delivered to every channel. */
    PENDING,
    /** Every configured channel accepted it. */
    DELIVERED,
    /** At least one channel failed; the stored delivery error says which and why. */
    FAILED
}
