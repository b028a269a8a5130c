package io.vodflow.kit.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ends the connection after a response that was sent before its request body was fully read (a 413, an early 401
 * or 429). Reactor Netty keeps such a connection alive and drops the rest of the body by its length, so a client
 * that stopped sending the body when the answer came and then reused the connection had its next request eaten as
 * body bytes and waited forever. The response now says {@code Connection: close}; the server keeps reading and
 * discarding until the body ends, then closes, so it never resets a connection with the answer still unread, and
 * it closes anyway after {@code linger}. One instance per connection, between the codec and the traffic handler.
 */
public final class EarlyResponseConnectionClose extends ChannelDuplexHandler {
    private final Duration linger;
    private boolean bodyPending;
    private boolean closing;
    private ScheduledFuture<?> lingerTimer;

    public EarlyResponseConnectionClose(Duration linger) {
        this.linger = linger;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            bodyPending = announcesBody(request);
        }
        // an answer written while the last chunk is handed on already follows the whole body
        boolean last = msg instanceof LastHttpContent;
        if (last) {
            bodyPending = false;
        }
        ctx.fireChannelRead(msg);
        if (last && closing) {
            ctx.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && bodyPending
                && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            HttpUtil.setKeepAlive(response, false);
            closing = true;
        }
        if (closing && msg instanceof LastHttpContent) {
            ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) f -> afterAnswer(ctx));
            return;
        }
        ctx.write(msg, promise);
    }

    private void afterAnswer(ChannelHandlerContext ctx) {
        if (!bodyPending) {
            ctx.close();
        } else if (lingerTimer == null) {
            lingerTimer = ctx.executor().schedule(() -> ctx.close(), linger.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A request without a length or chunking has no body, whatever the codec emits after it. */
    private static boolean announcesBody(HttpRequest request) {
        if (request instanceof LastHttpContent) {
            return false;
        }
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return true;
        }
        try {
            return HttpUtil.getContentLength(request, 0L) > 0;
        } catch (NumberFormatException unparseable) {
            // the decoder refused the request: answered with a 400 problem like any other it cannot read
            return true;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
