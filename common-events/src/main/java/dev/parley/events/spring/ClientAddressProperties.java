package dev.parley.events.spring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client's address is read from behind proxies, under {@code parley.client-address}:
 * the per-address limits count it (conversation-service's logins and widget sessions, the gateway's
 * connects and failed hellos). The same keys serve every service that counts per address; a
 * header without trusted proxies refuses to start ({@code TrustedProxies.forHeader}).
 *
 * @param header         the header the proxies in front append the client's address to, e.g.
 *                       {@code X-Forwarded-For}; read from the right, past trusted proxies. Empty:
 *                       no header is believed and the peer address counts
 * @param trustedProxies the proxies (CIDRs or addresses, e.g. {@code 10.0.0.0/8}) whose header is
 *                       believed; required with a header. A request from any other peer counts as its peer
 */
@ConfigurationProperties("parley.client-address")
public record ClientAddressProperties(@DefaultValue("") String header, @DefaultValue List<String> trustedProxies) {
}
