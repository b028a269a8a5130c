package io.vodflow.cli.backfill;

import io.vodflow.cli.CliFailure;
import io.vodflow.cli.vod.VodApiException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which media a backfill covers: the FileIds given, those listed in a file, and those SearchMedia finds created in
 * {@code [from, to)}; each once, in that order.
 */
record FileIdSelection(List<String> fileIds, Path fileIdsFrom, Instant from, Instant to) {

    /** The FileIds; empty only for a time range without media. */
    List<String> resolve(MediaSearcher searcher, PrintWriter err) throws InterruptedException {
        if (fileIds.isEmpty() && fileIdsFrom == null && from == null) {
            throw new CliFailure("nothing to backfill: give --file-id, --file-ids-from or --from [--to]");
        }
        Set<String> ids = new LinkedHashSet<>();
        fileIds.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        if (fileIdsFrom != null) {
            try {
                Files.readAllLines(fileIdsFrom).stream().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(ids::add);
            } catch (IOException e) {
                throw new CliFailure("cannot read " + fileIdsFrom + ": " + e.getMessage());
            }
        }
        if (to != null && from == null) {
            throw new CliFailure("--to needs --from");
        }
        if (from != null) {
            Instant until = to != null ? to : Instant.now();
            if (!from.isBefore(until)) {
                throw new CliFailure("--from must be before --to");
            }
            try {
                List<String> found = searcher.fileIds(from, until);
                err.println("SearchMedia: " + found.size() + " media created in [" + from + ", " + until + ")");
                ids.addAll(found);
            } catch (VodApiException e) {
                throw new CliFailure("SearchMedia failed: " + e);
            }
        }
        return List.copyOf(ids);
    }
}
