package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages may not be framed and run nothing but their own scripts; the demo page, a
 * stand-in for a host site's page, may be framed and keeps its own scripts (issue 15, defect 7).
 */
@RealInfrastructure
class PageHeadersIT {

    @TempDir
    Path dataDirectory;

    @Test
    void theConsoleRefusesFramesAndForeignScriptsAndTheDemoPageMayBeFramed(TestDatabase database) {
        try (var suite = Suite.onPostgres(database, dataDirectory)) {
            var http = new Http(suite);
            for (String page : new String[] {"/console", "/console/admin", "/console/password"}) {
                var response = http.get(page);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(policy ->
                        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
                assertThat(response.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("no-referrer");
            }
            var demo = http.get("/");
            assertThat(demo.headers().firstValue("X-Frame-Options")).as("the demo page may be framed").isEmpty();
            assertThat(demo.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }
}
