package dev.parley.standalone.inprocess;

import dev.parley.conversation.directory.adapter.web.DirectoryController;
import dev.parley.conversation.identity.adapter.jwt.OwnTokens;
import dev.parley.conversation.identity.adapter.jwt.RememberingJwtDecoder;
import dev.parley.conversation.lifecycle.adapter.web.LifecycleController;
import dev.parley.conversation.messaging.adapter.web.MessagingController;
import dev.parley.conversation.reading.adapter.web.ReadingController;
import dev.parley.gateway.auth.adapter.jwt.TokenVerifier;
import dev.parley.gateway.config.GatewayProperties;
import dev.parley.gateway.conversation.application.Conversations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's way to conversation-service when both run in this process: commands are calls,
 * not HTTP requests, and sockets' tokens are verified against the service's own signing keys, not
 * its JWKS over loopback. ({@code parley.gateway.conversations=in-process} in application.yml turns
 * the gateway's HTTP adapter off.)
 */
@Configuration(proxyBeanMethods = false)
public class InProcessServices {

    @Bean
    Conversations inProcessConversations(RememberingJwtDecoder ownTokenDecoder, LifecycleController lifecycle,
                                         ReadingController reading, MessagingController messaging,
                                         DirectoryController directory, JsonMapper jsonMapper,
                                         GatewayProperties gateway) {
        return new InProcessConversations(new OwnTokens(ownTokenDecoder),
                new InProcessConversations.Controllers(lifecycle, reading, messaging, directory), jsonMapper,
                gateway.upstreamTimeout());
    }

    /** The same verifier, and memory of verified tokens, as conversation-service's requests. */
    @Bean
    TokenVerifier tokenVerifier(RememberingJwtDecoder ownTokenDecoder) {
        return new TokenVerifier(ownTokenDecoder);
    }
}
