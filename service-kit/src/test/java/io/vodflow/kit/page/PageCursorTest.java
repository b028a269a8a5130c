package io.vodflow.kit.page;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PageCursorTest {

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorComesBackAsTheSamePositionToTheMicrosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-07T10:15:30.123456Z"), "5285890790012345.v1");
        assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
        PageCursor early = new PageCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "k");
        assertThat(PageCursor.decode(early.encode())).contains(early);
    }

    @Test
    void theEncodedFormIsUrlSafe() {
        String encoded = new PageCursor(Instant.now(), "a/b+c?d&e=f ü").encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aKeyThatIsAUuidReadsAsOne() {
        UUID id = UUID.randomUUID();
        assertThat(new PageCursor(Instant.EPOCH, id.toString()).uuidKey()).contains(id);
        assertThat(new PageCursor(Instant.EPOCH, "file-1").uuidKey()).isEmpty();
    }

    @Test
    void anythingEncodeCannotHaveMadeIsRefused() {
        for (String text : new String[] {"", "not base64!", "%%%", b64("no-dot"), b64(".key"), b64("12."),
                b64("abc.key"), b64("1.5.key").substring(1), b64("99999999999999999999.key"), b64("1." + "k".repeat(257)),
                "A".repeat(401), b64("1.a\u0000b"), b64("1.a\nb"), b64(Long.MIN_VALUE + ".k"), b64(Long.MAX_VALUE + ".k"),
                b64("-62135596800000001.k")}) {
            assertThat(PageCursor.decode(text)).as(text).isEmpty();
        }
        assertThat(PageCursor.decode(b64("-62135596800000000.k"))).as("year 1 is the earliest")
                .contains(new PageCursor(Instant.parse("0001-01-01T00:00:00Z"), "k"));
        assertThat(PageCursor.decode(b64("1.5.key"))).as("the key may hold dots")
                .contains(new PageCursor(Instant.ofEpochSecond(0, 1_000), "5.key"));
    }
}
