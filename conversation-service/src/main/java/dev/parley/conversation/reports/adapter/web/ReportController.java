package dev.parley.conversation.reports.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.reports.application.SupportReport;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reports/{agents|departments|inboxes}?from=&to=} (admins). */
@RestController
public class ReportController {

    private final ReportingSupport reporting;

    public ReportController(ReportingSupport reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/reports/{groupBy}")
    public Mono<ResponseEntity<List<SupportReport>>> report(Caller caller, @PathVariable String groupBy,
                                                            @RequestParam Instant from, @RequestParam Instant to) {
        ReportingSupport.GroupBy chosen = switch (groupBy) {
            case "agents" -> ReportingSupport.GroupBy.AGENT;
            case "departments" -> ReportingSupport.GroupBy.DEPARTMENT;
            case "inboxes" -> ReportingSupport.GroupBy.INBOX;
            default -> null;
        };
        if (chosen == null) {
            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND,
                    Rejection.of("report.not_found", "reports are by agents, departments or inboxes")));
        }
        return Responses.ok(reporting.report(caller, chosen, from, to));
    }
}
