package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.application.DirectoryAdmin.Department;
import dev.parley.conversation.directory.application.EditingDirectory;
import dev.parley.conversation.directory.application.FollowingAgentLink;
import dev.parley.conversation.directory.application.ManagingAgents;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentSettings;
import dev.parley.conversation.directory.domain.DepartmentSettings;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.directory.domain.InboxSettings;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.Refusal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The admin screens' API: editing inboxes and departments, rotating an inbox's secret, inviting,
 * changing, deactivating and reactivating agents, password-reset links; and the one public call,
 * following such a link to set a password. Admin-only except where said.
 */
@RestController
public class AdminController {

    private final EditingDirectory editing;
    private final ManagingAgents agents;
    private final FollowingAgentLink links;

    public AdminController(EditingDirectory editing, ManagingAgents agents, FollowingAgentLink links) {
        this.editing = editing;
        this.agents = agents;
        this.links = links;
    }

    public record InboxRequest(String name, List<String> allowedOrigins, String widgetTitle, String widgetColour,
                               String greeting, Boolean preChatForm, Boolean botEnabled, UUID defaultDepartmentId) {

        InboxSettings settings() {
            return new InboxSettings(name, allowedOrigins, widgetTitle, widgetColour, greeting,
                    Boolean.TRUE.equals(preChatForm), Boolean.TRUE.equals(botEnabled), defaultDepartmentId);
        }
    }

    public record AgentRequest(String name, String email, String role, Integer maxConcurrent, Set<UUID> departmentIds) {

        AgentSettings settings() {
            return new AgentSettings(name, role, maxConcurrent, departmentIds);
        }
    }

    public record LinkRequest(String token, String password) {
    }

    @PutMapping("/api/v1/admin/inboxes/{inboxId}")
    public Mono<ResponseEntity<Inbox>> editInbox(Caller caller, @PathVariable UUID inboxId, @RequestBody InboxRequest request) {
        return AdminResponses.ok(editing.editInbox(caller, inboxId, request.settings()));
    }

    @PostMapping("/api/v1/admin/inboxes/{inboxId}/secret")
    public Mono<ResponseEntity<EditingDirectory.Secret>> rotateSecret(Caller caller, @PathVariable UUID inboxId) {
        return AdminResponses.ok(editing.rotateSecret(caller, inboxId));
    }

    /** Agents and services (the assignment worker reads the routing strategy here). */
    @GetMapping("/api/v1/departments/{departmentId}")
    public Mono<ResponseEntity<Department>> department(Caller caller, @PathVariable UUID departmentId) {
        return AdminResponses.ok(editing.department(caller, departmentId));
    }

    @PutMapping("/api/v1/admin/departments/{departmentId}")
    public Mono<ResponseEntity<Department>> editDepartment(Caller caller, @PathVariable UUID departmentId,
                                                           @RequestBody DepartmentSettings request) {
        return AdminResponses.ok(editing.editDepartment(caller, departmentId, request));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Refusal(status = 409, when = "A conversation, agent or inbox still uses the department",
            codes = {"department.in_use"})
    @DeleteMapping("/api/v1/admin/departments/{departmentId}")
    public Mono<ResponseEntity<Void>> deleteDepartment(Caller caller, @PathVariable UUID departmentId) {
        return AdminResponses.with(editing.deleteDepartment(caller, departmentId), HttpStatus.NO_CONTENT)
                .map(deleted -> ResponseEntity.noContent().build());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/admin/agents/invitations")
    public Mono<ResponseEntity<ManagingAgents.Invited>> invite(Caller caller, @RequestBody AgentRequest request) {
        return AdminResponses.with(agents.invite(caller, request.email(), request.settings()), HttpStatus.CREATED);
    }

    @PutMapping("/api/v1/admin/agents/{agentId}")
    public Mono<ResponseEntity<Agent>> editAgent(Caller caller, @PathVariable UUID agentId, @RequestBody AgentRequest request) {
        return AdminResponses.ok(agents.edit(caller, agentId, request.settings()));
    }

    @Refusal(status = 409, when = "Admins cannot deactivate themselves", codes = {"agent.cannot_deactivate_self"})
    @PostMapping("/api/v1/admin/agents/{agentId}/deactivate")
    public Mono<ResponseEntity<ManagingAgents.Deactivated>> deactivate(Caller caller, @PathVariable UUID agentId) {
        return AdminResponses.ok(agents.deactivate(caller, agentId));
    }

    @PostMapping("/api/v1/admin/agents/{agentId}/reactivate")
    public Mono<ResponseEntity<Agent>> reactivate(Caller caller, @PathVariable UUID agentId) {
        return AdminResponses.ok(agents.reactivate(caller, agentId));
    }

    @Refusal(status = 409, when = "The agent is deactivated; reactivate them first", codes = {"agent.deactivated"})
    @PostMapping("/api/v1/admin/agents/{agentId}/password-reset")
    public Mono<ResponseEntity<ManagingAgents.Link>> resetPassword(Caller caller, @PathVariable UUID agentId) {
        return AdminResponses.ok(agents.resetPassword(caller, agentId));
    }

    /** Public: the link's token is the authorization. */
    @PostMapping("/api/v1/agent-links/password")
    public Mono<ResponseEntity<FollowingAgentLink.PasswordSet>> followLink(@RequestBody LinkRequest request) {
        return AdminResponses.ok(links.setPassword(request.token(), request.password()));
    }
}
