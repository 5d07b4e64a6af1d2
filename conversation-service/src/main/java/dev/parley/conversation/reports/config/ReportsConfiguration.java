package dev.parley.conversation.reports.config;

import dev.parley.conversation.reports.adapter.micrometer.MicrometerSupportMeters;
import dev.parley.conversation.reports.adapter.r2dbc.R2dbcReportQueries;
import dev.parley.conversation.reports.adapter.web.ReportController;
import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.reports.application.ReportingSupport.ReportQueries;
import dev.parley.conversation.reports.application.SupportMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Support reports from history and the live support timers. */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

    @Bean
    ReportQueries reportQueries(DatabaseClient db) {
        return new R2dbcReportQueries(db);
    }

    @Bean
    ReportingSupport reportingSupport(ReportQueries queries) {
        return new ReportingSupport(queries);
    }

    @Bean
    SupportMeters supportMeters(MeterRegistry registry) {
        return new MicrometerSupportMeters(registry);
    }

    @Bean
    ReportController reportController(ReportingSupport reporting) {
        return new ReportController(reporting);
    }
}
