package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.application.SettingPassword;
import dev.parley.conversation.identity.domain.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code PUT /api/v1/agents/{agentId}/password}: an admin resets a password, an agent changes their own. */
@RestController
public class PasswordController {

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            SettingPassword.FORBIDDEN, HttpStatus.FORBIDDEN,
            SettingPassword.AGENT_NOT_FOUND, HttpStatus.NOT_FOUND);

    private final SettingPassword settingPassword;

    public PasswordController(SettingPassword settingPassword) {
        this.settingPassword = settingPassword;
    }

    /** @param currentPassword required when changing one's own password */
    public record PasswordRequest(String password, String currentPassword) {
    }

    @PutMapping("/api/v1/agents/{agentId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> set(Caller caller, @PathVariable UUID agentId, @RequestBody PasswordRequest body) {
        return settingPassword.set(caller, agentId, body.password(), Optional.ofNullable(body.currentPassword()))
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .then();
    }
}
