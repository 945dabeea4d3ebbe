package org.licensecentral.gateway.config;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes a connection whose request line and headers have not all arrived within the timeout,
 * counted from the connection's start or from the end of the previous response. Netty's idle
 * handler resets on every read, so a client that trickles one header line every few seconds
 * (slowloris) would otherwise hold the connection for as long as it likes (issue 15, finding 10);
 * the body has reactor-netty's own request timeout.
 */
final class RequestHeadersTimeout extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private ScheduledFuture<?> deadline;

    RequestHeadersTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            disarm();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            // The response is complete: the next request on this kept-alive connection gets its own time.
            promise = promise.unvoid();
            promise.addListener(written -> arm(ctx));
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        Runnable close = ctx::close;
        deadline = ctx.executor().schedule(close, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
