package dev.parley.gateway.socket.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.session.domain.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Principal AGENT = new Principal(UUID.fromString("0190c0de-0000-7000-8000-0000000000b1"),
            Principal.Role.AGENT, null, Set.of());

    @Test
    void aSentMessageTakesOnlyItsOwnFieldsToTheService() {
        var frame = JSON.readTree("""
                {"type":"message.send","conversationId":"0190c0de-0000-7000-8000-00000000c001","clientMsgId":"c-1",
                 "body":"","attachmentIds":["0190c0de-0000-7000-8000-0000000000a1"],"sneaky":true}""");

        var command = Commands.parse("message.send", frame, AGENT).orElseThrow();

        assertThat(command).isEqualTo(new ConversationCommand.Send(UUID.fromString("0190c0de-0000-7000-8000-00000000c001"),
                "c-1", "", null, null, List.of(UUID.fromString("0190c0de-0000-7000-8000-0000000000a1"))));
    }

    @Test
    void anAgentsStatusIsTheirOwnUnlessTheFrameNamesAnother() {
        var own = Commands.parse("agent.status", JSON.readTree("{\"type\":\"agent.status\",\"status\":\"AWAY\"}"), AGENT);

        assertThat(own).contains(new ConversationCommand.ChangeStatus(AGENT.userId(), "AWAY"));
    }

    @Test
    void aFieldOfTheWrongShapeIsRefusedByName() {
        var notAnId = JSON.readTree("{\"type\":\"read\",\"conversationId\":\"nope\",\"lastReadSeq\":3}");
        var notANumber = JSON.readTree(
                "{\"type\":\"read\",\"conversationId\":\"0190c0de-0000-7000-8000-00000000c001\",\"lastReadSeq\":\"three\"}");

        assertThatThrownBy(() -> Commands.parse("read", notAnId, AGENT))
                .isInstanceOf(Commands.InvalidFrame.class).hasMessage("conversationId must be an id");
        assertThatThrownBy(() -> Commands.parse("read", notANumber, AGENT))
                .isInstanceOf(Commands.InvalidFrame.class).hasMessage("lastReadSeq must be a whole number");
    }

    @Test
    void textBoundForTheServicesUrlIsRefusedWhenLongerThanItsRequestLineHolds() {
        String cursor = "c".repeat(Commands.MAX_URL_TEXT + 1);
        var list = JSON.readTree("{\"type\":\"conversation.list\",\"cursor\":\"" + cursor + "\"}");
        var react = JSON.readTree("{\"conversationId\":\"0190c0de-0000-7000-8000-00000000c001\","
                + "\"messageId\":\"0190c0de-0000-7000-8000-00000000a001\",\"emoji\":\"" + cursor + "\"}");

        assertThatThrownBy(() -> Commands.parse("conversation.list", list, AGENT))
                .isInstanceOf(Commands.InvalidFrame.class).hasMessage("cursor is longer than 512 characters");
        assertThatThrownBy(() -> Commands.parse("reaction.add", react, AGENT))
                .isInstanceOf(Commands.InvalidFrame.class).hasMessage("emoji is longer than 512 characters");
        assertThat(Commands.parse("conversation.list", JSON.readTree("{\"cursor\":\"" + cursor.substring(1) + "\"}"), AGENT))
                .isPresent();
    }

    @Test
    void everyLifecycleMoveHasItsProtocolName() {
        var frame = JSON.readTree("{\"conversationId\":\"0190c0de-0000-7000-8000-00000000c001\"}");

        assertThat(Commands.parse("conversation.wait_on_customer", frame, AGENT)).get()
                .isEqualTo(new ConversationCommand.Change(UUID.fromString("0190c0de-0000-7000-8000-00000000c001"),
                        ConversationCommand.Move.WAIT_ON_CUSTOMER));
        assertThat(Commands.parse("conversation.nope", frame, AGENT)).isEmpty();
    }

    /** Found by the fault suite's fuzzer: 2^63 made asLong() throw, answered gateway.internal and logged as an error. */
    @Test
    void aWholeNumberBeyondALongIsRefusedAsOutOfRange() {
        var frame = JSON.readTree("{\"type\":\"events.since\",\"conversationId\":\"0190c0de-0000-7000-8000-00000000c001\","
                + "\"since\":9223372036854775808}");

        assertThatThrownBy(() -> Commands.parse("events.since", frame, AGENT))
                .isInstanceOf(Commands.InvalidFrame.class).hasMessage("since is out of range");
    }
}
