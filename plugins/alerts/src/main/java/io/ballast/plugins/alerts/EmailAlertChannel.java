package io.ballast.plugins.alerts;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.plugin.SecretVariables;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.pf4j.Extension;

/**
 * Sends each alert as a plain-text e-mail over SMTP (Jakarta Mail, Eclipse Angus, inside this
 * plugin's jar). The subject is the headline ({@code [CRITICAL] Hard stop-loss: exit NVLX}); the body
 * is the message, then the severity, source and time.
 *
 * <p>STARTTLS is on and required by default: a server that does not offer it is refused before
 * anything is sent, and the server's certificate must match its host name. With {@code user}, the
 * channel logs in with the password held by the environment variable named by
 * {@code passwordVariable} (a name starting with {@value SecretVariables#PREFIX}); the password
 * itself is never a parameter, and it is never sent without STARTTLS: {@code startTls=false} with a
 * {@code user} is refused. {@code timeoutSeconds} is at most 8, below the platform's default plugin
 * call timeout (10 s), so a slow server fails the delivery, not the plugin.
 */
@Extension
public class EmailAlertChannel implements AlertChannel {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String FROM = "from";
    static final String TO = "to";
    static final String START_TLS = "startTls";
    static final String USER = "user";
    static final String PASSWORD_VARIABLE = "passwordVariable";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";
    /** Below the platform's default plugin call timeout (10 s): a slow server fails this delivery, not the whole plugin. */
    static final int MAX_TIMEOUT_SECONDS = 8;

    private static final List<ParameterSpec> SPECS = List.of(
            text(HOST, "the SMTP server's host name or address"),
            new ParameterSpec(PORT, ParameterType.INTEGER, "the SMTP server's port: 587 for submission with STARTTLS, 25 for a relay",
                    Optional.of(587), Optional.of(1.0), Optional.of(65535.0)),
            text(FROM, "the sender's address, e.g. ballast@example.com"),
            text(TO, "the recipients' addresses, separated by commas"),
            new ParameterSpec(START_TLS, ParameterType.BOOLEAN,
                    "whether to require STARTTLS (an encrypted connection, the server's certificate checked); turn off only for a"
                            + " server on the same machine or network that offers none",
                    Optional.of(true), Optional.empty(), Optional.empty()),
            optionalText(USER, "the user name to log in with; empty for a server that needs no login"),
            optionalText(PASSWORD_VARIABLE, "the name of the environment variable that holds the password of user (never the password"
                    + " itself); it must start with " + SecretVariables.PREFIX + "; empty without user"),
            new ParameterSpec(TIMEOUT_SECONDS, ParameterType.INTEGER, "seconds to wait for the connection, and for each answer of the server;"
                    + " at most " + MAX_TIMEOUT_SECONDS + ", below the platform's plugin call timeout",
                    Optional.of(5), Optional.of(1.0), Optional.of((double) MAX_TIMEOUT_SECONDS)));

    private final SecretEnvironment environment;

    public EmailAlertChannel() {
        this(SecretEnvironment.ofProcess());
    }

    /** @param environment where the secrets named by parameters are read */
    EmailAlertChannel(SecretEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Sends each alert as a plain-text e-mail over SMTP, STARTTLS required by default, the password read from the environment.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    @Override
    public void deliver(Alert alert, Map<String, Object> parameters) {
        ParameterValues values = ParameterValues.read(this, parameters);
        String host = values.text(HOST);
        long port = values.integer(PORT);
        InternetAddress from = addresses(FROM, values.text(FROM)).getFirst();
        List<InternetAddress> to = addresses(TO, values.text(TO));
        Optional<String> user = values.optionalText(USER);
        long timeoutMillis = values.integer(TIMEOUT_SECONDS) * 1000L;
        boolean startTls = values.flag(START_TLS);
        if (user.isPresent() && !startTls) {
            throw ParameterValues.invalid(START_TLS, "must be true with user: a password is never sent over an unencrypted connection");
        }
        Optional<String> password = password(values, user);

        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", host);
        smtp.put("mail.smtp.port", String.valueOf(port));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        smtp.put("mail.smtp.starttls.required", String.valueOf(startTls));
        smtp.put("mail.smtp.ssl.checkserveridentity", "true");
        smtp.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        smtp.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        smtp.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        smtp.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        String receiver = "e-mail via " + host + ":" + port;
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            message.setSubject(new AlertSummary(alert).headline(), StandardCharsets.UTF_8.name());
            message.setText(body(alert), StandardCharsets.UTF_8.name());
            if (user.isPresent()) {
                Transport.send(message, user.get(), password.orElseThrow());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new AlertDeliveryException(receiver + " failed: " + causes(e), e);
        }
    }

    /** The message, then the facts a reader filters by. */
    static String body(Alert alert) {
        return alert.message() + "\n\n"
                + "Severity: " + alert.severity() + "\n"
                + "Source: " + alert.source() + "\n"
                + "Time: " + alert.time();
    }

    private Optional<String> password(ParameterValues values, Optional<String> user) {
        Optional<String> variable = values.optionalText(PASSWORD_VARIABLE);
        if (user.isPresent() != variable.isPresent()) {
            throw user.isPresent()
                    ? ParameterValues.invalid(PASSWORD_VARIABLE, "is required with user: the environment variable that holds the password")
                    : ParameterValues.invalid(USER, "is required with passwordVariable: the user the password belongs to");
        }
        return variable.map(name -> environment.secret(PASSWORD_VARIABLE, name));
    }

    private static List<InternetAddress> addresses(String parameter, String text) {
        List<InternetAddress> addresses;
        try {
            addresses = List.of(InternetAddress.parse(text, true));
            for (InternetAddress address : addresses) {
                address.validate();
            }
        } catch (AddressException e) {
            throw ParameterValues.invalid(parameter, "'" + text + "' is not a list of e-mail addresses: " + e.getMessage());
        }
        if (addresses.isEmpty() || FROM.equals(parameter) && addresses.size() > 1) {
            throw ParameterValues.invalid(parameter, FROM.equals(parameter) ? "must be one e-mail address, got '" + text + "'"
                    : "names no e-mail address");
        }
        return addresses;
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName()).append(cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return AlertSummary.oneLine(text.toString().strip());
    }

    /** Required: no default. */
    private static ParameterSpec text(String name, String description) {
        return new ParameterSpec(name, ParameterType.STRING, description, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** May be left out: empty by default, and empty means not given. */
    private static ParameterSpec optionalText(String name, String description) {
        return new ParameterSpec(name, ParameterType.STRING, description, Optional.of(""), Optional.empty(), Optional.empty());
    }
}
