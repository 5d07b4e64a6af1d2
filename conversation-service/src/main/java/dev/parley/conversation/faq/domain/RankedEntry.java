package dev.parley.conversation.faq.domain;

/** An entry with how well it matches a customer's words: the share of them it matches, 0 to 1. */
public record RankedEntry(FaqEntry entry, double score) {
}
