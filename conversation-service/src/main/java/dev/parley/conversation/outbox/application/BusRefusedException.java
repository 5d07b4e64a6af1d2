package dev.parley.conversation.outbox.application;

/** The bus did not confirm a batch: the relay retries it after a backoff, keeping its lease. */
final class BusRefusedException extends RuntimeException {

    BusRefusedException(Throwable cause) {
        super("the event bus did not confirm the batch: " + cause.getMessage(), cause);
    }
}
