package dev.parley.conversation.outbox.application;

/** The session holding the lease ended; another relay may hold it by now. */
final class LeaseLostException extends RuntimeException {

    LeaseLostException() {
        super("the outbox lease was lost: its database session ended");
    }
}
