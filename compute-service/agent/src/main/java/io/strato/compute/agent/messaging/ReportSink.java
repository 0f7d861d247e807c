package io.strato.compute.agent.messaging;

/** Where the agent's reports go (Kafka in the application, a list in tests). */
public interface ReportSink {

    /**
     * Sends one report and returns once it is acknowledged.
     *
     * @param report  report name, one of {@code Reports.HOST}, {@code Reports.COMMAND_RESULT}...
     * @param subject the server id (or the host name for host reports): the Kafka key
     * @param data    the {@code Reports} record
     * @throws ReportNotSent when it could not be delivered; the caller retries
     */
    void send(String report, String subject, Object data);

    /** A report that was not acknowledged. */
    final class ReportNotSent extends RuntimeException {
        public ReportNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
