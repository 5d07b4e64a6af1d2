package dev.parley.gateway.socket.adapter.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSentMessageTakesItsAttachmentIdsToTheService() {
        var frame = JSON.readTree("""
                {"type":"message.send","conversationId":"0190c0de-0000-7000-8000-00000000c001","clientMsgId":"c-1",
                 "body":"","attachmentIds":["0190c0de-0000-7000-8000-0000000000a1"],"sneaky":true}""");

        Object body = Commands.named("message.send").orElseThrow().body().apply(frame);

        assertThat(body).isInstanceOfSatisfying(Map.class, fields -> assertThat(fields)
                .containsOnlyKeys("clientMsgId", "body", "attachmentIds"));
        assertThat(JSON.valueToTree(body).get("attachmentIds").get(0).asString())
                .isEqualTo("0190c0de-0000-7000-8000-0000000000a1");
    }
}
