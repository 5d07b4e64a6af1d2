package dev.parley.events.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.1"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # case                                         | peer         | header                        | client
            no header: the peer                            | 10.1.2.3     | none                          | 10.1.2.3
            a trusted proxy names the client               | 10.1.2.3     | 203.0.113.5                   | 203.0.113.5
            entries the client wrote are not believed      | 10.1.2.3     | 6.6.6.6, 203.0.113.5          | 203.0.113.5
            a chain of trusted proxies is walked past      | 10.1.2.3     | 203.0.113.5, 192.0.2.1, 10.9.9.9 | 203.0.113.5
            an untrusted peer's header is ignored          | 198.51.100.7 | 203.0.113.5                   | 198.51.100.7
            IPv6 proxies and clients                       | fd00::1      | 2001:db8::5                   | 2001:db8:0:0:0:0:0:5
            a name is not looked up                        | 10.1.2.3     | evil.example                  | 10.1.2.3
            garbage past a trusted hop counts as that hop  | 10.1.2.3     | junk, 192.0.2.1               | 192.0.2.1
            """)
    void theClientIsTheFirstUntrustedHopFromTheRight(String name, String peer, String header, String client) {
        assertThat(proxies.clientOf(peer, Optional.ofNullable(header))).isEqualTo(client);
    }

    @Test
    void aSettingThatIsNotAnAddressIsRefused() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }

    @Test
    void aHeaderWithoutTrustedProxiesIsRefusedSinceAnyClientCouldWriteIt() {
        assertThatThrownBy(() -> TrustedProxies.forHeader("X-Forwarded-For", List.of()))
                .hasMessageContaining("parley.client-address.trusted-proxies");
        assertThat(TrustedProxies.forHeader("", List.of()).isEmpty()).isTrue();
        assertThat(TrustedProxies.forHeader("X-Forwarded-For", List.of("10.0.0.0/8")).isEmpty()).isFalse();
    }
}
