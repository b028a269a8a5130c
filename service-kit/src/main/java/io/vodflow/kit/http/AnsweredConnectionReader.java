package io.vodflow.kit.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Makes a keep-alive connection read again once every request on it is answered. Reactor Netty reads HTTP/1.1
 * connections on demand, and 1.2.18 can forget to ask for the next read when a request arrived before the previous
 * exchange was retired (an answer written from another thread, or a body the client had in full before the
 * exchange completed): the next request then sits unread until the client gives up (reactor-netty#4347, #4361).
 * A read asked for once more after the last answer costs nothing when one is already pending. One instance per
 * connection, between the codec and the traffic handler.
 */
public final class AnsweredConnectionReader extends ChannelDuplexHandler {
    private long requests;
    private long answers;
    private boolean informational;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            requests++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent && !informational) {
            answers++;
            // after the traffic handler has retired the exchange, which it does when this write completes
            ctx.write(msg, promise.unvoid()).addListener((ChannelFutureListener) f -> ctx.executor().execute(() -> {
                if (answers == requests && ctx.channel().isActive()) {
                    ctx.read();
                }
            }));
            return;
        }
        ctx.write(msg, promise);
    }
}
