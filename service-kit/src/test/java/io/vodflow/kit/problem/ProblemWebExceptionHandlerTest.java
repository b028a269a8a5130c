package io.vodflow.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemWebExceptionHandlerTest {
    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(new ProblemResponses(new ObjectMapper()));

    @Test
    void unexpectedErrorsBecomeA500ProblemWithoutTheirMessage() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));
        handler.handle(exchange, new IllegalStateException("secret=abc")).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("secret=abc").contains("\"status\":500");
    }

    @Test
    void anUnknownPathIsA404ThatSpeaksOfThePathNotOfStaticFiles() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/nothing"));
        handler.handle(exchange, new NoResourceFoundException("v1/nothing")).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("Nothing is served at this path").doesNotContain("static");
    }

    @Test
    void aStoreOutageAnsweredWith503IsOneWarningWithoutTheDriversMessage(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/x"));
        ErrorResponseException outage = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatus(503),
                new DataAccessResourceFailureException("db", new R2dbcNonTransientResourceException("database \"tenant_db\" refused")));
        handler.handle(exchange, outage).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(output.getAll()).contains("database unavailable").doesNotContain("tenant_db").doesNotContain("ERROR");

        handler.handle(MockServerWebExchange.from(MockServerHttpRequest.post("/x")),
                new ErrorResponseException(HttpStatus.BAD_GATEWAY, new IllegalStateException("upstream broke"))).block();
        assertThat(output.getAll()).contains("request failed").contains("upstream broke");
    }

    @Test
    void aServerErrorTheServiceChoseIsOneWarningNotAStackTrace(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/x"));
        ProblemDetail notStored = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Neither store keeps it");
        notStored.setTitle("Callback not stored");
        handler.handle(exchange, new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, notStored, null)).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("Callback not stored");
        assertThat(output.getAll()).contains("request answered with a server error").contains("Callback not stored")
                .doesNotContain("ERROR").doesNotContain("ErrorResponseException");
    }

    @Test
    void theHeadersOfAnErrorResponseAreSentWithItsProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/x"));
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "7");
        handler.handle(exchange, busy).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");

        MockServerWebExchange put = MockServerWebExchange.from(MockServerHttpRequest.put("/x"));
        handler.handle(put, new MethodNotAllowedException(HttpMethod.PUT, java.util.Set.of(HttpMethod.POST))).block();
        assertThat(put.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void bodyLimitBecomes413() {
        ProblemDetail p = handler.toProblem(new RuntimeException(new DataBufferLimitException("too big")));
        assertThat(p.getStatus()).isEqualTo(413);
    }

    @Test
    void decodingErrorsBecome400() {
        assertThat(handler.toProblem(new DecodingException("bad json")).getStatus()).isEqualTo(400);
    }

    @Test
    void anUnreadableContentTypeOrAcceptBecomes400() {
        assertThat(handler.toProblem(new InvalidMediaTypeException("application/json; charset=bogus", "unsupported charset")).getStatus())
                .isEqualTo(400);
        assertThat(handler.toProblem(new RuntimeException(new InvalidMimeTypeException("garbage", "does not contain '/'"))).getStatus())
                .isEqualTo(400);
    }

    @Test
    void errorResponsesKeepTheirStatus() {
        assertThat(handler.toProblem(new ResponseStatusException(HttpStatus.NOT_FOUND)).getStatus()).isEqualTo(404);
    }

    @Test
    void aDatabaseOutageBecomesA503WithRetryAfterAndNoDriverMessage() {
        for (Throwable outage : new Throwable[] {
                new DataAccessResourceFailureException("Failed to obtain R2DBC Connection to db.internal:5432"),
                new QueryTimeoutException("statement timeout"),
                new RuntimeException(new R2dbcNonTransientResourceException("database \"vodflow\" is not accepting connections")),
                new R2dbcTransientResourceException("too many clients")}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));
            handler.handle(exchange, outage).block();
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("db.internal").doesNotContain("vodflow")
                    .contains("Database unavailable");
        }
    }

    @Test
    void aQueryThatIsWrongIsNotAnOutage() {
        assertThat(handler.toProblem(new BadSqlGrammarException("q", "select", new java.sql.SQLException("syntax"))).getStatus())
                .isEqualTo(500);
    }
}
