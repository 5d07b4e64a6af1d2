package dev.parley.conversation.pages.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.pages.application.ReportingCurrentPage;
import dev.parley.conversation.shared.adapter.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/widget/page}: the widget reports the host page its customer is on. Under
 * {@code /api/v1/widget/}, so cross-origin calls from host sites are allowed like the widget's others.
 */
@RestController
public class CurrentPageController {

    private final ReportingCurrentPage reporting;

    public CurrentPageController(ReportingCurrentPage reporting) {
        this.reporting = reporting;
    }

    /** {@code url}: absolute http(s), at most 2,048 characters; {@code title}: optional, at most 300. */
    public record PageRequest(String url, String title) {
    }

    @PostMapping("/api/v1/widget/page")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<ResponseEntity<Void>> report(Caller caller, @RequestBody PageRequest request) {
        return Responses.with(reporting.report(caller, request.url(), request.title()), HttpStatus.NO_CONTENT)
                .map(done -> ResponseEntity.noContent().build());
    }
}
