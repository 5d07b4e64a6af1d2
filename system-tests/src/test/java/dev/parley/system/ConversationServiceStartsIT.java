package dev.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.http.ActuatorProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The harness other system tests build on: a real conversation service started in this JVM, on its
 * own port, against real servers, as another service would find it.
 */
@RealInfrastructure
class ConversationServiceStartsIT {

    @Test
    void theConversationServiceStartsBesideTheTestAndAnswersItsProbes(TestDatabase database, TestKafka kafka) {
        try (var service = new SpringApplicationBuilder(ConversationServiceApplication.class).run(
                ServiceArguments.conversationService(database, kafka))) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();

            assertThat(ActuatorProbe.onLocalPort(port).health("readiness").healthStatus()).isEqualTo("UP");
        }
    }
}
