package io.ballast.platform.workflow;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ActivateJobsCommandStep1;
import io.camunda.client.api.command.CompleteJobCommandStep1;
import io.camunda.client.api.command.CompleteJobResult;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.StreamJobsCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CompleteJobResponse;
import io.camunda.client.api.response.FailJobResponse;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.impl.CamundaClientFutureImpl;
import io.camunda.client.impl.command.CompleteUserTaskJobResultImpl;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link JobClient} that answers nothing to an engine: it writes down how each job was completed or
 * failed, for a test to read. The result of a completion is built by the client's own
 * {@link CompleteUserTaskJobResultImpl}, as the real command builds it.
 */
public final class RecordingJobClient implements JobClient {

    /** A job completed: with variables (a task listener must send none), and the user task result if one was given. */
    public record Completed(Object variables, CompleteUserTaskJobResultImpl result) {
        public boolean denied() {
            return result != null && result.isDenied();
        }
    }

    /** A job failed: the retries left, the backoff and the message. */
    public record Failed(int retries, Duration retryBackoff, String errorMessage) {
    }

    private final List<Object> answers = new ArrayList<>();

    /** Every answer in order, each a {@link Completed} or a {@link Failed}. */
    public List<Object> answers() {
        return List.copyOf(answers);
    }

    @Override
    public CompleteJobCommandStep1 newCompleteCommand(ActivatedJob job) {
        return new Completing();
    }

    @Override
    public CompleteJobCommandStep1 newCompleteCommand(long jobKey) {
        return new Completing();
    }

    @Override
    public FailJobCommandStep1 newFailCommand(ActivatedJob job) {
        return new Failing();
    }

    @Override
    public FailJobCommandStep1 newFailCommand(long jobKey) {
        return new Failing();
    }

    @Override
    public ThrowErrorCommandStep1 newThrowErrorCommand(long jobKey) {
        throw new UnsupportedOperationException("a task listener may not throw a BPMN error");
    }

    @Override
    public ThrowErrorCommandStep1 newThrowErrorCommand(ActivatedJob job) {
        throw new UnsupportedOperationException("a task listener may not throw a BPMN error");
    }

    @Override
    public ActivateJobsCommandStep1 newActivateJobsCommand() {
        throw new UnsupportedOperationException();
    }

    @Override
    public StreamJobsCommandStep1 newStreamJobsCommand() {
        throw new UnsupportedOperationException();
    }

    private static <T> CamundaFuture<T> done() {
        CamundaClientFutureImpl<T, Object> future = new CamundaClientFutureImpl<>();
        future.complete(null);
        return future;
    }

    private final class Completing implements CompleteJobCommandStep1 {

        private Object variables;
        private CompleteUserTaskJobResultImpl result;

        @Override
        public CompleteJobCommandStep1 variables(String json) {
            variables = json;
            return this;
        }

        @Override
        public CompleteJobCommandStep1 variables(Object object) {
            variables = object;
            return this;
        }

        @Override
        public CompleteJobCommandStep1 variables(InputStream stream) {
            variables = stream;
            return this;
        }

        @Override
        public CompleteJobCommandStep1 variables(Map<String, Object> map) {
            variables = map;
            return this;
        }

        @Override
        public CompleteJobCommandStep1 variable(String name, Object value) {
            variables = Map.of(name, value);
            return this;
        }

        @Override
        public CompleteJobCommandStep1 withResult(Function<CompleteJobCommandJobResultStep, CompleteJobResult> build) {
            result = (CompleteUserTaskJobResultImpl) build.apply(new CompleteJobCommandJobResultStep() {
                public CompleteUserTaskJobResultImpl forUserTask() {
                    return new CompleteUserTaskJobResultImpl();
                }

                public io.camunda.client.api.command.CompleteAdHocSubProcessResultStep1 forAdHocSubProcess() {
                    throw new UnsupportedOperationException("not an ad-hoc sub-process");
                }
            });
            return this;
        }

        @Override
        public CompleteJobCommandStep1 useRest() {
            return this;
        }

        @Override
        public CompleteJobCommandStep1 useGrpc() {
            return this;
        }

        @Override
        public CompleteJobCommandStep1 requestTimeout(Duration timeout) {
            return this;
        }

        @Override
        public CamundaFuture<CompleteJobResponse> send() {
            answers.add(new Completed(variables, result));
            return done();
        }
    }

    private final class Failing implements FailJobCommandStep1, FailJobCommandStep1.FailJobCommandStep2 {

        private int retries;
        private Duration retryBackoff = Duration.ZERO;
        private String errorMessage;

        @Override
        public FailJobCommandStep2 retries(int retries) {
            this.retries = retries;
            return this;
        }

        @Override
        public FailJobCommandStep2 retryBackoff(Duration backoff) {
            retryBackoff = backoff;
            return this;
        }

        @Override
        public FailJobCommandStep2 errorMessage(String message) {
            errorMessage = message;
            return this;
        }

        @Override
        public FailJobCommandStep2 variables(String json) {
            return this;
        }

        @Override
        public FailJobCommandStep2 variables(Object object) {
            return this;
        }

        @Override
        public FailJobCommandStep2 variables(InputStream stream) {
            return this;
        }

        @Override
        public FailJobCommandStep2 variables(Map<String, Object> map) {
            return this;
        }

        @Override
        public FailJobCommandStep2 variable(String name, Object value) {
            return this;
        }

        @Override
        public FailJobCommandStep1 useRest() {
            return this;
        }

        @Override
        public FailJobCommandStep1 useGrpc() {
            return this;
        }

        @Override
        public FailJobCommandStep2 requestTimeout(Duration timeout) {
            return this;
        }

        @Override
        public CamundaFuture<FailJobResponse> send() {
            answers.add(new Failed(retries, retryBackoff, errorMessage));
            return done();
        }
    }
}
