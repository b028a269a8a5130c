package io.vodflow.processor.query;

import java.util.List;

/** One page of a user's media, newest first. */
public record MediaPage(List<MediaView> items, int page, int size, boolean hasMore) {
}
