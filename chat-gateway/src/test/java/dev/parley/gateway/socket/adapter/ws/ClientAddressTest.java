package dev.parley.gateway.socket.adapter.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.events.net.TrustedProxies;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.2", 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.7", 40000);
    private static final ClientAddress BEHIND_THE_INGRESS =
            new ClientAddress("X-Forwarded-For", TrustedProxies.forHeader("X-Forwarded-For", List.of("10.0.0.0/8")));

    private static HttpHeaders forwardedFor(String value) {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.add("X-Forwarded-For", value);
        return headers;
    }

    @Test
    void withoutATrustedHeaderTheClientCannotChooseItsAddress() {
        assertThat(new ClientAddress("", TrustedProxies.of(List.of())).of(forwardedFor("1.2.3.4"), PROXY))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void theTrustedProxysEntryIsTheLastOneNotWhatTheClientWroteBeforeIt() {
        assertThat(BEHIND_THE_INGRESS.of(forwardedFor("6.6.6.6, 203.0.113.7"), PROXY)).isEqualTo("203.0.113.7");
    }

    /** Issue 15, defect 3: the header was believed from any peer, so a client chose its own budget. */
    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsAddress() {
        assertThat(BEHIND_THE_INGRESS.of(forwardedFor("203.0.113.7"), STRANGER)).isEqualTo("198.51.100.7");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedPast() {
        assertThat(BEHIND_THE_INGRESS.of(forwardedFor("6.6.6.6, 203.0.113.7, 10.1.1.1"), PROXY)).isEqualTo("203.0.113.7");
    }

    @Test
    void aConnectionWithoutTheHeaderFallsBackToItsPeer() {
        assertThat(BEHIND_THE_INGRESS.of(new DefaultHttpHeaders(), PROXY)).isEqualTo("10.0.0.2");
    }
}
