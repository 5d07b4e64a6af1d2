package dev.parley.conversation.pages.config;

import dev.parley.conversation.pages.adapter.r2dbc.R2dbcCurrentPages;
import dev.parley.conversation.pages.adapter.web.CurrentPageController;
import dev.parley.conversation.pages.application.CurrentPages;
import dev.parley.conversation.pages.application.ReportingCurrentPage;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The host page each customer is on, reported by their widget and shown in the customer sidebar. */
@Configuration(proxyBeanMethods = false)
public class PagesConfiguration {

    @Bean
    CurrentPages currentPages(DatabaseClient db) {
        return new R2dbcCurrentPages(db);
    }

    @Bean
    ReportingCurrentPage reportingCurrentPage(CurrentPages pages, Clock clock) {
        return new ReportingCurrentPage(pages, clock);
    }

    @Bean
    CurrentPageController currentPageController(ReportingCurrentPage reporting) {
        return new CurrentPageController(reporting);
    }
}
