package dev.parley.assignment.domain;

import java.time.Duration;

/** The assignment strategies a department can choose (set per department in the conversation service). */
public enum Strategy {
    /** Fewest open conversations, longest idle first among equals. */
    LEAST_BUSY,
    /** Agents of the department take turns. */
    ROUND_ROBIN,
    /** Department members first (least busy); anyone once the conversation waited long enough. */
    SKILLS;

    /** The router of this strategy; {@code fallbackAfter} matters for {@link #SKILLS} only. */
    public Router router(Duration fallbackAfter) {
        return switch (this) {
            case LEAST_BUSY -> new Router(Eligibility.departmentMembers(), new LeastBusy());
            case ROUND_ROBIN -> new Router(Eligibility.departmentMembers(), new RoundRobin());
            case SKILLS -> new Router(Eligibility.departmentThenAnyone(fallbackAfter), new LeastBusy());
        };
    }
}
