package io.vodflow.processor.ingest;

import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.processor.kafka.CallbackRecord;
import io.vodflow.processor.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackRecordDecoderTest {
    private final CallbackRecordDecoder decoder = new CallbackRecordDecoder();

    private static CallbackRecord record(byte[] body, Map<String, String> headers) {
        return new CallbackRecord("vod.callbacks", 0, 7, "k", body, headers, 0);
    }

    @Test
    void theIngressDedupeIdWinsAndIsRecomputedIdenticallyWhenMissing() {
        byte[] body = Fixtures.body("v3-new-file-upload.json", "1", "t", "ctx");
        DecodedRecord.Parsed withHeader = (DecodedRecord.Parsed) decoder.decode(record(body,
                Map.of(CallbackHeaders.DEDUPE_ID, "abc", CallbackHeaders.RECEIVED_AT, "1700000000000")));
        assertThat(withHeader.dedupeId()).isEqualTo("abc");
        assertThat(withHeader.receivedAtMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(withHeader.event()).isInstanceOf(NewFileUpload.class);

        DecodedRecord.Parsed a = (DecodedRecord.Parsed) decoder.decode(record(body, Map.of()));
        DecodedRecord.Parsed b = (DecodedRecord.Parsed) decoder.decode(record(body.clone(), Map.of()));
        assertThat(a.dedupeId()).isNotBlank().isEqualTo(b.dedupeId());
    }

    @Test
    void theSubApplicationHeaderIsReadWhenItNamesOne() {
        byte[] body = Fixtures.body("v3-procedure-finish.json", "1", "t", null);
        assertThat(((DecodedRecord.Parsed) decoder.decode(record(body, Map.of(CallbackHeaders.SUB_APP, "1500000001"))))
                .subAppId()).isEqualTo(1_500_000_001L);
        for (String none : new String[] {"0", "-3", "abc", " "}) {
            assertThat(((DecodedRecord.Parsed) decoder.decode(record(body, Map.of(CallbackHeaders.SUB_APP, none)))).subAppId())
                    .as(none).isNull();
        }
        assertThat(((DecodedRecord.Parsed) decoder.decode(record(body, Map.of()))).subAppId()).isNull();
    }

    @Test
    void bodiesThatAreNotEventsAreRejectedWithTheError() {
        for (String bad : new String[] {"not json", "[1,2]", "{\"NoType\":1}", ""}) {
            DecodedRecord d = decoder.decode(record(bad.getBytes(StandardCharsets.UTF_8), Map.of()));
            assertThat(d).as(bad).isInstanceOf(DecodedRecord.Rejected.class);
            assertThat(((DecodedRecord.Rejected) d).errorClass()).isNotBlank();
        }
    }
}
