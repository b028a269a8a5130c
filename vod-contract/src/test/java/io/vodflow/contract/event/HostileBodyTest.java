package io.vodflow.contract.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.vodflow.contract.event.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies that are not VOD events fail with a short VodEventParseException in both the parser and the reader. */
class HostileBodyTest {

    private static final VodEventParser PARSER = new VodEventParser();
    private static final CallbackRoutingReader READER = new CallbackRoutingReader();

    static Stream<Arguments> notEvents() {
        byte[] garbage = new byte[4096];
        new Random(5).nextBytes(garbage);
        return Stream.of(
                Arguments.of("empty", new byte[0], "empty"),
                Arguments.of("whitespace", utf8("  \n "), "empty"),
                Arguments.of("null", utf8("null"), "not an object"),
                Arguments.of("array", utf8("[]"), "not an object"),
                Arguments.of("string", utf8("\"str\""), "not an object"),
                Arguments.of("number", utf8("42"), "not an object"),
                Arguments.of("truncated", Arrays.copyOf(Fixtures.bytes("v3-procedure-finish.json"), 300), "not valid JSON"),
                Arguments.of("trailing tokens", utf8("{\"EventType\":\"X\"} {}"), "not valid JSON"),
                Arguments.of("deep arrays", utf8("[".repeat(10_000)), "limits"),
                Arguments.of("deep objects", utf8("{\"EventType\":\"X\",\"a\":" + "{\"a\":".repeat(100) + "1"
                        + "}".repeat(101)), "limits"),
                Arguments.of("1 MB string", utf8("{\"EventType\":\"X\",\"a\":\"" + "q".repeat(1 << 20) + "\"}"),
                        "limits"),
                Arguments.of("binary garbage", garbage, "JSON"),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}, "JSON"),
                Arguments.of("no event type", utf8("{\"FileUploadEvent\":{\"FileId\":\"1\"}}"), "EventType"),
                Arguments.of("null event type", utf8("{\"EventType\":null}"), "EventType is not a string"),
                Arguments.of("numeric event type", utf8("{\"EventType\":7}"), "EventType is not a string"),
                Arguments.of("object event type", utf8("{\"EventType\":{}}"), "EventType is not a string"),
                Arguments.of("empty event type", utf8("{\"EventType\":\"\"}"), "EventType is empty"),
                Arguments.of("blank v2 event type", utf8("{\"eventType\":\"  \",\"data\":{}}"), "eventType is empty"),
                Arguments.of("overlong event type", utf8("{\"EventType\":\"" + "T".repeat(129) + "\"}"), "longer"),
                Arguments.of("lower-case only", utf8("{\"eventtype\":\"NewFileUpload\"}"), "EventType"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEvents")
    void parserRefusesWithAShortMessage(String name, byte[] body, String expected) {
        assertRefused(() -> PARSER.parse(body), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEvents")
    void routingReaderRefusesWithAShortMessage(String name, byte[] body, String expected) {
        assertRefused(() -> READER.read(body), expected);
    }

    @Test
    void nullBodyIsRefused() {
        assertRefused(() -> PARSER.parse(null), "empty");
        assertRefused(() -> READER.read(null), "empty");
    }

    @Test
    void messagesNeverQuoteMoreThanAHundredCharactersOfInput() {
        byte[] body = utf8("{\"EventType\":\"X\",\"a\":" + "zzzzzzzzzz".repeat(100) + "}");

        assertThatThrownBy(() -> PARSER.parse(body)).isInstanceOf(VodEventParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("z".repeat(101)).hasSizeLessThan(250));
    }

    @Test
    void aLongStringBelowTheCapAndModerateNestingAreFine() {
        String big = "q".repeat(100_000);
        byte[] body = utf8("{\"EventType\":\"X\",\"SessionContext\":\"" + big + "\",\"a\":"
                + "[".repeat(60) + "]".repeat(60) + "}");

        assertThat(PARSER.parse(body)).isInstanceOf(UnknownEvent.class);
        assertThat(READER.read(body).eventType()).isEqualTo("X");
    }

    private static void assertRefused(Runnable call, String expected) {
        Consumer<Throwable> shortMessage = e -> assertThat(e.getMessage()).contains(expected).hasSizeLessThan(250);
        assertThatThrownBy(call::run).isExactlyInstanceOf(VodEventParseException.class).satisfies(shortMessage::accept);
    }
}
