package io.vodflow.processor.live;

import io.vodflow.processor.outbox.MediaEvent;

/** What a live stream delivers: a media event, or word that the events a client missed are no longer held. */
public sealed interface LiveItem {

    /** A media event, missed or live. */
    record Event(MediaEvent event) implements LiveItem { }

    /** The client's Last-Event-ID is unknown here: it should read the current state again (GET /v1/users/me/media). */
    record Reset() implements LiveItem { }
}
