package dev.parley.events.kafka;

/** Kafka did not accept a record within the delivery timeout; the caller may retry (and duplicate). */
public final class PublishFailedException extends RuntimeException {

    PublishFailedException(Throwable cause) {
        super("Kafka did not accept the event: " + cause.getMessage(), cause);
    }
}
