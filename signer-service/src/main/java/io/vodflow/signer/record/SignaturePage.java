package io.vodflow.signer.record;

import java.util.List;

/** One page of a user's signature records, newest first. */
public record SignaturePage(List<SignatureRecord> items, int page, int size, boolean hasMore) {

    /** The page from rows fetched with one extra (size + 1), which only tells whether more follow. */
    static SignaturePage of(List<SignatureRecord> rows, int page, int size) {
        return new SignaturePage(rows.size() > size ? rows.subList(0, size) : rows, page, size, rows.size() > size);
    }
}
