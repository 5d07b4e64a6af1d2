package dev.parley.system.faults;

import java.util.concurrent.CompletableFuture;

/** One user of a scenario's load, with one socket at a time: the Java {@link LoadClient} or the real TypeScript client ({@link NodeCustomer}). */
interface LoadUser {

    String name();

    /** Connects to {@code port} first; completes at the welcome. */
    CompletableFuture<Void> connect(int port);

    boolean isOpen();

    /** Open, the hello's replay over, nothing unanswered and no gap left to fill. */
    boolean caughtUp();

    /** Sends {@code message.send} of message {@code index}; false when no socket is open (nothing sent). */
    boolean sendMessage(int index, String conversationId, String clientMsgId, boolean note);

    /** Closes the socket on purpose and connects again with {@code lastSeqs}: the final resume. */
    void resume();

    void stop();

    long reconnects();

    /** For a diagnosis: where it is connected, what is unanswered, what fills run. */
    String state();
}
