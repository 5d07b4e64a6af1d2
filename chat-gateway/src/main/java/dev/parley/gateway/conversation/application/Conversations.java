package dev.parley.gateway.conversation.application;

import reactor.core.publisher.Mono;

/**
 * conversation-service as the gateway sees it: commands run as the user whose token they carry, so
 * every authorization decision stays there. Two adapters: HTTP (a gateway node of its own) and in
 * process (standalone, where both live in one JVM); both pass {@code ConversationsContract}.
 *
 * <p>Answers are conversation-service's JSON, unparsed, so the gateway can splice them into its
 * ack frames. A refusal, or conversation-service being out of reach, is an error
 * {@link ConversationRefusal} with a stable code the client is shown unchanged.
 */
public interface Conversations {

    Mono<RawJson> call(String token, ConversationCommand command);
}
