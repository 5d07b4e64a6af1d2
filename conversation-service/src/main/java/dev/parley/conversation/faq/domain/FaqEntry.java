package dev.parley.conversation.faq.domain;

import java.util.List;
import java.util.UUID;

/** One question the inbox's bot can answer. */
public record FaqEntry(UUID id, UUID inboxId, String question, String answer, List<String> keywords, int position,
                       boolean active) {

    public FaqEntry {
        keywords = List.copyOf(keywords);
    }
}
