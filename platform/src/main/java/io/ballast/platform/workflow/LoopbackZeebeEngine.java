package io.ballast.platform.workflow;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.problem.FailureMessages;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.grpc.ServerRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The in-process Zeebe engine with its gRPC gateway bound to the loopback interface. It keeps its
 * state in memory: everything it knows is gone when it stops.
 */
final class LoopbackZeebeEngine implements AutoCloseable {

    /** Serialises the short window in which the loopback provider is the JVM's default gRPC server provider. */
    private static final Object SERVER_REGISTRY_LOCK = new Object();

    private final ZeebeTestEngine engine;
    private final URI grpcAddress;

    private LoopbackZeebeEngine(ZeebeTestEngine engine, URI grpcAddress) {
        this.engine = engine;
        this.grpcAddress = grpcAddress;
    }

    /** @param gatewayPort the TCP port on the loopback interface; 0 picks a free one */
    static LoopbackZeebeEngine start(int gatewayPort) {
        if (gatewayPort != 0) {
            requireFree(gatewayPort);
        }
        ZeebeTestEngine engine = createOnLoopback(gatewayPort);
        try {
            engine.start();
        } catch (RuntimeException e) {
            stopInBackground(engine);
            throw new StartupException("workflow.embedded.gatewayPort: cannot start the embedded Zeebe engine on "
                    + loopbackHost() + ":" + gatewayPort + ": " + FailureMessages.rootCause(e), e);
        }
        // the engine reports 0.0.0.0:<port>; the client must dial the address the gateway listens on
        String reported = engine.getGatewayAddress();
        int port = Integer.parseInt(reported.substring(reported.lastIndexOf(':') + 1));
        return new LoopbackZeebeEngine(engine, plaintextUri(port));
    }

    /**
     * Fails before the engine is built: once built, an engine whose gateway cannot bind takes five
     * minutes to stop (its stream processor was never scheduled, and closing it waits for that).
     */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StartupException("workflow.embedded.gatewayPort: cannot listen on " + loopbackHost() + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    private static ZeebeTestEngine createOnLoopback(int gatewayPort) {
        LoopbackServerProvider loopback = new LoopbackServerProvider();
        synchronized (SERVER_REGISTRY_LOCK) {
            ServerRegistry registry = ServerRegistry.getDefaultRegistry();
            registry.register(loopback);
            try {
                return gatewayPort == 0 ? EngineFactory.create() : EngineFactory.create(gatewayPort);
            } finally {
                registry.deregister(loopback);
            }
        }
    }

    URI grpcAddress() {
        return grpcAddress;
    }

    /** Every record the engine wrote; for diagnostics and tests of the embedded mode. */
    RecordStreamSource records() {
        return engine.getRecordStreamSource();
    }

    /** Moves the engine's clock, which its timers and job timeouts read; for tests of timed paths. */
    void increaseTime(Duration by) {
        engine.increaseTime(by);
    }

    @Override
    public void close() {
        engine.stop();
    }

    private static URI plaintextUri(int port) {
        try {
            // this constructor puts an IPv6 loopback literal in brackets
            return new URI("http", null, loopbackHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("loopback address does not form a URI", e);
        }
    }

    private static String loopbackHost() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /**
     * Frees the engine's threads without holding up the start-up error: after a failed start the
     * engine's stop waits out its five-minute close timeout (see {@link #requireFree}).
     */
    private static void stopInBackground(ZeebeTestEngine engine) {
        Thread stopper = new Thread(() -> {
            try {
                engine.stop();
            } catch (RuntimeException ignored) {
                // the start failure is the error worth reporting
            }
        }, "zeebe-engine-stop");
        stopper.setDaemon(true);
        stopper.start();
    }
}
