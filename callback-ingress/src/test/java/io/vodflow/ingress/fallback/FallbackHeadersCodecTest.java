package io.vodflow.ingress.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.WireFormat;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackHeadersCodecTest {
    final FallbackHeadersCodec codec = new FallbackHeadersCodec(new ObjectMapper());

    @Test
    void aStoredRecordReadsBackEqual() {
        byte[] body = {'{', '}'};
        for (CallbackRecord r : new CallbackRecord[] {
                new CallbackRecord("f1", body, WireFormat.V2, "NewFileUpload", 1_700_000_000_123L, CallbackSource.PULL, "15", "abc"),
                new CallbackRecord(null, body, WireFormat.V3, "X", 1L, CallbackSource.PUSH, null, "def")}) {
            CallbackRecord back = codec.decode(r.key(), body, codec.encode(r));
            assertThat(back).usingRecursiveComparison().isEqualTo(r);
        }
    }
}
