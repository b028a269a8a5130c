package io.vodflow.kit.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Answers requests the HTTP decoder could not read (request line or headers too long, malformed, a broken chunk of
 * the body), requests in an HTTP version other than 1.x (an HTTP/2 preface) and request targets Spring cannot turn
 * into a URI with a problem JSON and closes the connection; Reactor Netty and Spring's adapter would answer them
 * before any error handler sees them, with an empty 414, 431 or 400, or serve an HTTP/9.9 request as HTTP/1.1. One instance per connection, just ahead of Reactor Netty's HTTP traffic handler.
 */
public final class DecodingFailureProblems extends ChannelDuplexHandler {
    private boolean failed;
    private boolean answerStarted;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            answerStarted = false;
            if (request.decoderResult().isFailure()) {
                refuse(ctx, msg, request.decoderResult().cause());
                return;
            }
            if (!RequestVersions.readable(request)) {
                refuse(ctx, msg, new RequestVersions.Unsupported(request.protocolVersion()));
                return;
            }
            if (!RequestTargets.parses(request.uri())) {
                refuse(ctx, msg, new URISyntaxException(request.uri(), "not a URI"));
                return;
            }
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            if (answerStarted) {
                // the application already answers this request: the connection can only be dropped
                failed = true;
                ReferenceCountUtil.release(msg);
                ctx.close();
            } else {
                refuse(ctx, msg, content.decoderResult().cause());
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse) {
            answerStarted = true;
        }
        ctx.write(msg, promise);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, Throwable cause) {
        failed = true;
        ReferenceCountUtil.release(msg);
        answer(ctx, cause);
    }

    private static void answer(ChannelHandlerContext ctx, Throwable cause) {
        HttpResponseStatus status;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            title = "URI too long";
            detail = "The request line is longer than the server accepts";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            title = "Headers too large";
            detail = "The request headers are larger than the server accepts";
        } else if (cause instanceof RequestVersions.Unsupported unsupported) {
            // 505 would fit too, but it is a server error to every dashboard; the client chose a version never offered
            status = HttpResponseStatus.BAD_REQUEST;
            title = "HTTP version not supported";
            detail = unsupported.http2 ? "HTTP/2 is not served here, neither with prior knowledge nor by upgrade; use HTTP/1.1"
                    : "Only HTTP/1.1 and HTTP/1.0 are supported";
        } else if (cause instanceof URISyntaxException) {
            status = HttpResponseStatus.BAD_REQUEST;
            title = "Malformed request target";
            detail = "The request path or query is not a valid URI (check its percent-escapes)";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            title = "Malformed request";
            detail = "The request is not valid HTTP";
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
