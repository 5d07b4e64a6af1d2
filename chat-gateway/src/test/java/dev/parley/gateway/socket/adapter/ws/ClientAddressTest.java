package dev.parley.gateway.socket.adapter.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

class ClientAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.2", 40000);

    private static HttpHeaders forwardedFor(String value) {
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.add("X-Forwarded-For", value);
        return headers;
    }

    @Test
    void withoutATrustedHeaderTheClientCannotChooseItsAddress() {
        assertThat(new ClientAddress("").of(forwardedFor("1.2.3.4"), PROXY)).isEqualTo("10.0.0.2");
    }

    @Test
    void theTrustedProxysEntryIsTheLastOneNotWhatTheClientWroteBeforeIt() {
        assertThat(new ClientAddress("X-Forwarded-For").of(forwardedFor("6.6.6.6, 203.0.113.7"), PROXY))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aConnectionWithoutTheHeaderFallsBackToItsPeer() {
        assertThat(new ClientAddress("X-Forwarded-For").of(new DefaultHttpHeaders(), PROXY)).isEqualTo("10.0.0.2");
    }
}
