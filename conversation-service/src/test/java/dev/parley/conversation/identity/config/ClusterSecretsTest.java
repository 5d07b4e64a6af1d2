package dev.parley.conversation.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.events.spring.EngineProperties.Engine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Issue 15, 8a: a cluster without the gateway's presence secret left agents ONLINE forever. */
class ClusterSecretsTest {

    private static final String SECRET = "a-secret-of-at-least-32-characters-long";

    @Test
    void aClusterWithoutThePresenceSecretRefusesNamingTheSetting() {
        assertThatThrownBy(() -> ClusterSecrets.require(Engine.CLUSTER, identity(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parley.identity.services.chat-gateway.secret");
    }

    /** Issue 15, defect 7: without it the private signing keys lay in the database in the clear. */
    @Test
    void aClusterWithoutTheSigningKeyEncryptionSecretRefusesNamingTheSetting() {
        assertThatThrownBy(() -> ClusterSecrets.require(Engine.CLUSTER, identity(Map.of(
                "parley.identity.services.chat-gateway.secret", SECRET))))
                .hasMessageContaining("parley.identity.signing-keys.encryption-secret")
                .hasMessageNotContaining("chat-gateway");
    }

    @Test
    void aClusterWithBothSecretsStarts() {
        assertThat(ClusterSecrets.missing(Engine.CLUSTER, identity(Map.of(
                "parley.identity.services.chat-gateway.secret", SECRET,
                "parley.identity.signing-keys.encryption-secret", SECRET)))).isEmpty();
    }

    @Test
    void theMemoryEngineNeedsNoSecret() {
        assertThatCode(() -> ClusterSecrets.require(Engine.MEMORY, identity(Map.of()))).doesNotThrowAnyException();
    }

    static IdentityProperties identity(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("parley.identity", IdentityProperties.class);
    }
}
