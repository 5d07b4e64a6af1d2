package dev.parley.conversation.reports.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Support reports for admins: per agent, department or inbox, over a period of at most a year. */
public final class ReportingSupport {

    public static final String INVALID = "report.invalid";
    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    public enum GroupBy { AGENT, DEPARTMENT, INBOX }

    /** Computes reports from the stored history. */
    public interface ReportQueries {
        Flux<SupportReport> report(GroupBy groupBy, Instant from, Instant to);
    }

    private final ReportQueries queries;

    public ReportingSupport(ReportQueries queries) {
        this.queries = queries;
    }

    public Mono<Outcome<List<SupportReport>>> report(Caller caller, GroupBy groupBy, Instant from, Instant to) {
        if (!(caller instanceof Caller.Agent agent && agent.isAdmin())) {
            return Mono.just(Outcome.rejected("directory.admin_only", "reports are for admins"));
        }
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "from", "a period from < to of at most a year")));
        }
        return queries.report(groupBy, from, to).collectList().map(Outcome::accepted);
    }
}
