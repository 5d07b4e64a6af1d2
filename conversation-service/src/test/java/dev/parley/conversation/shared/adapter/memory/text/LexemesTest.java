package dev.parley.conversation.shared.adapter.memory.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words and lexemes PostgreSQL's text search gives, which the in-memory store must give too. */
class LexemesTest {

    /** Expected values are PostgreSQL 15's {@code to_tsvector('english', word)}. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "shipping, ship", "delivery, deliveri", "deliver, deliv", "international, intern",
            "internationally, intern", "refunds, refund", "payment, payment", "declined, declin",
            "cancellation, cancel", "returns, return", "received, receiv", "sustainable, sustain",
            "measurements, measur", "generously, generous", "hopping, hop", "hoping, hope", "cries, cri",
            "ties, tie", "skies, sky", "dying, die", "agreed, agre", "feed, feed", "happy, happi",
            "university, univers", "available, avail", "opening, open", "washing, wash"})
    void stemsAsSnowballEnglish(String word, String stem) {
        assertThat(EnglishStemmer.stem(word)).isEqualTo(stem);
    }

    @Test
    void splitsAsThePostgresParserDoes() {
        assertThat(Lexemes.words("What's your pre-order fee? 4.95 EUR"))
                .containsExactly("what", "s", "your", "pre-order", "pre", "order", "fee", "4.95", "eur");
    }

    @Test
    void englishDropsStopWordsAndStemsTheRest() {
        assertThat(Lexemes.english("How long will delivery take to arrive")).isEqualTo(List.of("long", "deliveri", "take", "arriv"));
    }
}
