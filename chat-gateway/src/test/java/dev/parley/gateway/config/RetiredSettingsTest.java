package dev.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RetiredSettingsTest {

    /** Ignored, the old key would quietly turn the per-address limits back into per-proxy ones. */
    @Test
    void theRetiredClientAddressHeaderRefusesToStartNamingItsReplacement() {
        var environment = new MockEnvironment().withProperty("parley.gateway.client-address-header", "X-Forwarded-For");

        assertThatThrownBy(() -> ChatGatewayConfiguration.refuseRetiredClientAddressHeader(environment))
                .hasMessageContaining("parley.client-address.header")
                .hasMessageContaining("parley.client-address.trusted-proxies");
    }

    @Test
    void withoutItTheGatewayStarts() {
        assertThatCode(() -> ChatGatewayConfiguration.refuseRetiredClientAddressHeader(new MockEnvironment()))
                .doesNotThrowAnyException();
    }
}
