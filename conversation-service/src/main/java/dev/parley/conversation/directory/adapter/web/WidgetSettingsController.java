package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/widget/inboxes/{publicKey}}: what the widget shows for its inbox, as the admin
 * set it: title, colour, greeting and whether a pre-chat form comes first. Public, as the key is:
 * every page that embeds the widget shows both; origins and the identity secret are not in it.
 */
@RestController
public class WidgetSettingsController {

    /** A minute: an admin's edit shows on the site soon, yet a busy page asks once a minute per browser. */
    private static final Duration CACHED = Duration.ofMinutes(1);

    private final DirectoryStore store;

    public WidgetSettingsController(DirectoryStore store) {
        this.store = store;
    }

    /** Each null where the admin left the widget's default. */
    public record WidgetSettings(String title, String colour, String greeting, boolean preChatForm) {
    }

    @GetMapping("/api/v1/widget/inboxes/{publicKey}")
    public Mono<ResponseEntity<WidgetSettings>> settings(@PathVariable String publicKey) {
        return store.inboxByKey(publicKey)
                .map(inbox -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHED).cachePublic())
                        .body(new WidgetSettings(inbox.widgetTitle(), inbox.widgetColour(), inbox.greeting(), inbox.preChatForm())))
                .switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "widget.inbox_unknown", "No inbox has this key.")));
    }
}
