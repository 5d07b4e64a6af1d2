package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceClientsTest {

    private final ServiceClients clients = new ServiceClients(Map.of(
            "gateway", "gateway-secret-0123456789abcdef0123",
            "worker", "worker-secret-0123456789abcdef01234"));

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "gateway, gateway-secret-0123456789abcdef0123, gateway",
            "worker,  worker-secret-0123456789abcdef01234, worker",
            "gateway, worker-secret-0123456789abcdef01234, none",
            "gateway, gateway-secret-0123456789abcdef012,  none",
            "gateway, '',                                  none",
            "nobody,  gateway-secret-0123456789abcdef0123, none",
            "none,    gateway-secret-0123456789abcdef0123, none",
            "gateway, none,                                none",
    })
    void onlyAConfiguredClientWithItsOwnSecretIsAService(String clientId, String secret, String service) {
        assertThat(clients.authenticate(clientId, secret).map(Caller.Service::name).orElse(null)).isEqualTo(service);
    }
}
