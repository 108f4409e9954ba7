package io.ballast.platform.cli;

import io.ballast.platform.app.BallastPlatform;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.ConfigLoader;
import io.ballast.platform.problem.InvalidInputException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ballast serve}: starts the platform and runs until SIGTERM or Ctrl-C, then stops cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the platform (embedded defaults unless a config file or BALLAST_ variables say otherwise).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (every key: samples/ballast.yaml)")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port, over the config's http.port; 0 picks a free one")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        BallastConfig loaded = new ConfigLoader().load(Optional.ofNullable(config), System.getenv());
        if (port != null) {
            loaded = withPort(loaded, port);
        }
        BallastPlatform platform = BallastPlatform.start(loaded);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: shutdown signal received");
            platform.close();
            stopped.countDown();
        }, "ballast-shutdown"));
        stopped.await();
        return 0;
    }

    private static BallastConfig withPort(BallastConfig config, int port) {
        try {
            return config.withHttp(new BallastConfig.Http(config.http().host(), port));
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidInputException("--port", outOfRange.getMessage());
        }
    }
}
