package dev.parley.conversation.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole transition table, cell by cell. Columns are the statuses a conversation is in; a cell
 * is the status it moves to, {@code =} for "already there, nothing happens" (idempotent), and
 * {@code -} for an illegal transition. Changing a rule means changing exactly one cell here.
 */
class LifecycleTest {

    private static final List<ConversationStatus> COLUMNS = List.of(ConversationStatus.values());

    //                                         BOT       QUEUED    ACTIVE    WAITING   RESOLVED  CLOSED
    private static final String TABLE = """
            TALK_TO_AGENT                      QUEUED    =         =         =         QUEUED    -
            ASSIGN                             -         ACTIVE    -         -         -         -
            ACCEPT                             ACTIVE    ACTIVE    -         -         -         -
            TRANSFER_TO_AGENT                  -         ACTIVE    ACTIVE    ACTIVE    -         -
            TRANSFER_TO_DEPARTMENT             -         QUEUED    QUEUED    QUEUED    -         -
            REQUEUE                            -         -         QUEUED    QUEUED    -         -
            WAIT_ON_CUSTOMER                   -         -         WAITING   =         -         -
            CUSTOMER_REPLIED                   =         =         =         ACTIVE    QUEUED    -
            RESOLVE                            RESOLVED  RESOLVED  RESOLVED  RESOLVED  =         -
            CLOSE                              CLOSED    CLOSED    CLOSED    CLOSED    CLOSED    =
            REOPEN                             -         -         -         -         ACTIVE    ACTIVE
            """;

    private final Lifecycle lifecycle = new Lifecycle(false);

    static Stream<Arguments> cells() {
        var cells = new ArrayList<Arguments>();
        for (String line : TABLE.strip().split("\n")) {
            String[] words = line.trim().split("\\s+");
            LifecycleAction action = LifecycleAction.valueOf(words[0]);
            for (int column = 0; column < COLUMNS.size(); column++) {
                cells.add(Arguments.of(COLUMNS.get(column), action, words[column + 1]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @MethodSource("cells")
    void everyCellOfTheTransitionTableHolds(ConversationStatus from, LifecycleAction action, String expected) {
        Transition transition = lifecycle.decide(from, action);

        switch (expected) {
            case "=" -> assertThat(transition).isInstanceOf(Transition.Stay.class);
            case "-" -> assertThat(transition).isInstanceOf(Transition.Illegal.class);
            default -> assertThat(transition).isEqualTo(new Transition.Move(status(expected)));
        }
    }

    @Test
    void theTableCoversEveryAction() {
        assertThat(TABLE.strip().split("\n")).hasSize(LifecycleAction.values().length);
    }

    @Test
    void anIllegalTransitionFromClosedSaysTheConversationIsClosed() {
        assertThat(lifecycle.decide(ConversationStatus.CLOSED, LifecycleAction.ASSIGN))
                .isEqualTo(new Transition.Illegal(Lifecycle.CLOSED_CODE, "the conversation is closed"));
        assertThat(lifecycle.decide(ConversationStatus.ACTIVE, LifecycleAction.ASSIGN))
                .isInstanceOfSatisfying(Transition.Illegal.class,
                        illegal -> assertThat(illegal.code()).isEqualTo(Lifecycle.ILLEGAL_TRANSITION));
    }

    @Test
    void customerReplyReopensClosedConversationOnlyWhenConfigured() {
        var reopening = new Lifecycle(true);

        assertThat(reopening.decide(ConversationStatus.CLOSED, LifecycleAction.CUSTOMER_REPLIED))
                .isEqualTo(new Transition.Move(ConversationStatus.QUEUED));
        assertThat(lifecycle.decide(ConversationStatus.CLOSED, LifecycleAction.CUSTOMER_REPLIED))
                .isInstanceOf(Transition.Illegal.class);
    }

    private static ConversationStatus status(String cell) {
        return cell.equals("WAITING") ? ConversationStatus.WAITING_ON_CUSTOMER : ConversationStatus.valueOf(cell);
    }
}
