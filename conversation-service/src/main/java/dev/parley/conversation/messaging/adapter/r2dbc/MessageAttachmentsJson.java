package dev.parley.conversation.messaging.adapter.r2dbc;

import dev.parley.conversation.messaging.domain.MessageAttachment;
import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code message.attachments} column: the files a message carries, as a JSON array. */
final class MessageAttachmentsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<MessageAttachment>> LIST = new TypeReference<>() {
    };

    private MessageAttachmentsJson() {
    }

    static Json encode(List<MessageAttachment> attachments) {
        return attachments == null ? null : Json.of(MAPPER.writeValueAsString(attachments));
    }

    static List<MessageAttachment> decode(Json json) {
        return json == null ? null : MAPPER.readValue(json.asString(), LIST);
    }
}
