package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.EditingDirectory;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.DepartmentSettings;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Departments, inboxes and agents (admin), and an agent's own status. */
@RestController
public class DirectoryController {

    private final AdministeringDirectory administering;
    private final EditingDirectory editing;
    private final ChangingAgentStatus statuses;

    public DirectoryController(AdministeringDirectory administering, EditingDirectory editing,
                               ChangingAgentStatus statuses) {
        this.administering = administering;
        this.editing = editing;
        this.statuses = statuses;
    }

    public record InboxRequest(String name, List<String> allowedOrigins, boolean botEnabled, UUID defaultDepartmentId) {
    }

    public record AgentRequest(String name, String email, String role, Integer maxConcurrent, Set<UUID> departmentIds) {
    }

    public record StatusResponse(AgentStatus status) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/admin/departments")
    public Mono<ResponseEntity<DirectoryAdmin.Department>> createDepartment(Caller caller,
                                                                           @RequestBody DepartmentSettings request) {
        return Responses.with(editing.createDepartment(caller, request), HttpStatus.CREATED);
    }

    @GetMapping("/api/v1/departments")
    public Mono<ResponseEntity<List<DirectoryAdmin.Department>>> departments(Caller caller) {
        return Responses.ok(administering.departments(caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/admin/inboxes")
    public Mono<ResponseEntity<DirectoryAdmin.NewInbox>> createInbox(Caller caller, @RequestBody InboxRequest request) {
        return Responses.with(administering.createInbox(caller, request.name(), request.allowedOrigins(),
                request.botEnabled(), request.defaultDepartmentId()), HttpStatus.CREATED);
    }

    @GetMapping("/api/v1/admin/inboxes")
    public Mono<ResponseEntity<List<Inbox>>> inboxes(Caller caller) {
        return Responses.ok(administering.inboxes(caller));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/admin/agents")
    public Mono<ResponseEntity<DirectoryAdmin.NewAgent>> createAgent(Caller caller, @RequestBody AgentRequest request) {
        return Responses.with(administering.createAgent(caller, request.name(), request.email(), request.role(),
                request.maxConcurrent(), request.departmentIds()), HttpStatus.CREATED);
    }

    @GetMapping("/api/v1/agents")
    public Mono<ResponseEntity<List<Agent>>> agents(Caller caller) {
        return Responses.ok(administering.agents(caller));
    }

    /** An agent sets their own status; an admin anyone's. */
    @PutMapping("/api/v1/agents/{agentId}/status")
    public Mono<ResponseEntity<StatusResponse>> changeStatus(Caller caller, @PathVariable UUID agentId,
                                                             @RequestBody StatusRequest request) {
        AgentStatus status;
        try {
            status = request.parsed();
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return Responses.ok(statuses.change(caller, agentId, status).map(o -> o.map(StatusResponse::new)));
    }
}
