package io.vodflow.cli.eventconfig;

/** VOD's event delivery: HTTP push to the ingress, or the reliable queue the ingress pulls. */
public enum DeliveryMode {
    /** VOD POSTs each event to the callback URL (5 s timeout, few retries). */
    PUSH,
    /** Events wait in VOD's queue (up to 4 days) until the ingress pulls and confirms them. */
    PULL
}
