package io.ballast.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ballast.api.risk.Severity;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deliveries to a real SMTP server (GreenMail) in this process, on a free loopback port, without TLS (it offers none). */
class EmailAlertChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Map<String, String> environment = new HashMap<>();
    private final EmailAlertChannel channel = new EmailAlertChannel(new SecretEnvironment(environment::get));

    @Test
    void theAlertArrivesWithItsHeadlineAsSubjectItsDetailsAsBodyAndEveryRecipient() throws Exception {
        channel.deliver(Alerts.of(Severity.WARNING, "Concentration above 25%: NVLX", "NVLX is 31.2% of the portfolio (1 250 000 €)"),
                plain(Map.of("to", "pm@desk.test, Risk Officer <risk@desk.test>")));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).as("one copy per recipient's mailbox").hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[WARNING] Concentration above 25%: NVLX");
        assertThat(addresses(message.getFrom())).containsExactly("ballast@desk.test");
        assertThat(addresses(message.getRecipients(Message.RecipientType.TO))).containsExactly("pm@desk.test", "risk@desk.test");
        assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo("""
                NVLX is 31.2% of the portfolio (1 250 000 €)

                Severity: WARNING
                Source: workflow:rebalance-approval
                Time: 2024-03-01T14:30:00Z""");
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    }

    /** GreenMail offers no STARTTLS, so a login cannot be sent to it at all: the channel refuses before connecting. */
    @Test
    void aPasswordIsNeverSentWithoutStartTls() {
        environment.put("BALLAST_PLUGIN_SECRET_SMTP_PASSWORD", "s3cret-from-env");

        assertRefused(Map.of("to", "pm@desk.test", "user", "alerts", "passwordVariable", "BALLAST_PLUGIN_SECRET_SMTP_PASSWORD"),
                "parameter startTls: must be true with user: a password is never sent over an unencrypted connection");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** With STARTTLS required the password is read (no parameter error), then the server without STARTTLS is refused. */
    @Test
    void withAUserThePasswordComesFromTheNamedSecretVariable() {
        environment.put("BALLAST_PLUGIN_SECRET_SMTP_PASSWORD", "s3cret-from-env");
        Map<String, Object> parameters = plain(Map.of("to", "pm@desk.test", "user", "alerts",
                "passwordVariable", "BALLAST_PLUGIN_SECRET_SMTP_PASSWORD", "startTls", true));

        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), parameters))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessage("e-mail via 127.0.0.1:" + port() + " failed: STARTTLS is required but host does not support STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void byDefaultStartTlsIsRequiredSoAServerWithoutItGetsNothing() {
        Map<String, Object> parameters = new HashMap<>(plain(Map.of("to", "pm@desk.test")));
        parameters.remove("startTls");

        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), parameters))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessage("e-mail via 127.0.0.1:" + port() + " failed: STARTTLS is required but host does not support STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereFailsTheDelivery() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> parameters = new HashMap<>(plain(Map.of("to", "pm@desk.test")));
        parameters.put("port", closedPort);

        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), parameters))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessageStartingWith("e-mail via 127.0.0.1:" + closedPort + " failed: ")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void parametersThatCannotWorkAreNamedAndNothingIsSent() {
        environment.put("BALLAST_PLUGIN_SECRET_EMPTY", "");
        environment.put("SMTP_PASSWORD", "s3cret");

        assertRefused(Map.of("to", "not an address"), "parameter to: 'not an address' is not a list of e-mail addresses: ");
        assertRefused(Map.of("to", " "), "parameter to: is required");
        assertRefused(Map.of("to", "pm@desk.test", "from", "a@desk.test, b@desk.test"),
                "parameter from: must be one e-mail address, got 'a@desk.test, b@desk.test'");
        assertRefused(Map.of("to", "pm@desk.test", "user", "alerts", "startTls", true),
                "parameter passwordVariable: is required with user: the environment variable that holds the password");
        assertRefused(Map.of("to", "pm@desk.test", "passwordVariable", "X"),
                "parameter user: is required with passwordVariable: the user the password belongs to");
        assertRefused(Map.of("to", "pm@desk.test", "user", "alerts", "passwordVariable", "BALLAST_PLUGIN_SECRET_EMPTY", "startTls", true),
                "parameter passwordVariable: the environment variable BALLAST_PLUGIN_SECRET_EMPTY is not set");
        assertRefused(Map.of("to", "pm@desk.test", "user", "alerts", "passwordVariable", "SMTP_PASSWORD", "startTls", true),
                "parameter passwordVariable: must name an environment variable whose name starts with BALLAST_PLUGIN_SECRET_");
        assertRefused(Map.of("to", "pm@desk.test", "port", 70_000), "parameter port: must be at most 65535, got 70000");
        assertRefused(Map.of("to", "pm@desk.test", "timeoutSeconds", 9), "parameter timeoutSeconds: must be at most 8, got 9");
        assertRefused(Map.of("to", "pm@desk.test", "startTls", "maybe"), "parameter startTls: must be true or false, got 'maybe'");
        assertRefused(Map.of("to", "pm@desk.test", "password", "s3cret"), "parameter password: is not a parameter of email;"
                + " it takes [host, port, from, to, startTls, user, passwordVariable, timeoutSeconds]");
        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), Map.of("to", "pm@desk.test", "from", "ballast@desk.test")))
                .hasMessage("parameter host: is required");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private void assertRefused(Map<String, Object> overrides, String messageStart) {
        Map<String, Object> parameters = plain(overrides);
        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), parameters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(messageStart);
    }

    /** The in-process server's address, a sender, and no STARTTLS (GreenMail offers none); then the test's own. */
    private static Map<String, Object> plain(Map<String, Object> overrides) {
        Map<String, Object> parameters = new HashMap<>(Map.of("host", "127.0.0.1", "port", port(), "from", "ballast@desk.test",
                "startTls", false));
        parameters.putAll(overrides);
        return parameters;
    }

    private static int port() {
        return SMTP.getSmtp().getPort();
    }

    private static String[] addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toArray(String[]::new);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
