package dev.parley.conversation.attachments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DownloadLinksTest {

    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final UUID FILE = UUID.fromString("0190c0de-0000-7000-8000-0000000000f1");

    private final DownloadLinks links = new DownloadLinks(SECRET, Duration.ofMinutes(5));

    @Test
    void aLinkIsValidUntilItExpires() {
        DownloadLinks.Link link = links.issue(FILE, NOW);

        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(links.verify(FILE, link.exp(), link.sig(), NOW.plusSeconds(299))).isTrue();
        assertThat(links.verify(FILE, link.exp(), link.sig(), NOW.plusSeconds(300))).isFalse();
    }

    @Test
    void aLinkCannotBeMovedToAnotherFileExtendedOrForged() {
        DownloadLinks.Link link = links.issue(FILE, NOW);

        assertThat(links.verify(UUID.randomUUID(), link.exp(), link.sig(), NOW)).as("other file").isFalse();
        assertThat(links.verify(FILE, link.exp() + 3600, link.sig(), NOW)).as("extended").isFalse();
        assertThat(links.verify(FILE, link.exp(), link.sig().substring(1) + "A", NOW)).as("tampered").isFalse();
        assertThat(links.verify(FILE, link.exp(), null, NOW)).as("unsigned").isFalse();
        var otherSecret = new DownloadLinks("another-secret-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(5));
        assertThat(otherSecret.verify(FILE, link.exp(), link.sig(), NOW)).as("other instance's secret").isFalse();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new DownloadLinks(new byte[31], Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
