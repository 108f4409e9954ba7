package io.ballast.platform.workflow;

import io.grpc.ServerBuilder;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A gRPC server provider whose servers listen on the loopback interface only.
 *
 * <p>The embedded engine builds its gateway with {@code ServerBuilder.forPort(port)}, which binds
 * every interface and has no parameter for the address. {@link LoopbackZeebeEngine} registers this
 * provider, at a priority above grpc-netty's own (5), for the moment the engine builds its server,
 * so the gateway is reachable from this machine only.
 */
final class LoopbackServerProvider extends ServerProvider {

    private static final int ABOVE_GRPC_NETTY = 10;

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return ABOVE_GRPC_NETTY;
    }

    @Override
    protected ServerBuilder<?> builderForPort(int port) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
}
