package dev.parley.conversation.lifecycle.adapter.memory;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.UUID;

/** A row of the in-memory {@code conversation} table: the conversation and when it was resolved and closed. */
public record ConversationRow(Conversation conversation, Instant resolvedAt, Instant closedAt) {

    public static final MemoryDatabase.Table<UUID, ConversationRow> TABLE = new MemoryDatabase.Table<>("conversation");
}
