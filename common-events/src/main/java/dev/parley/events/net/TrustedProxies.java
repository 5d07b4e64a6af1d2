package dev.parley.events.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which address a request came from when proxies stand in front (issue 15, defect 3: behind one
 * ingress, every visitor counted as the ingress). The header a proxy appends to (X-Forwarded-For:
 * {@code client, proxy1, proxy2}) is believed only when the peer is a trusted proxy, and then
 * read from the right: each entry that is itself a trusted proxy is skipped, the first that is
 * not is the client. Entries left of it were written by the client and prove nothing. Without a
 * header, or from any other peer, the peer is the client.
 *
 * <p>Shared by every service that counts per client address (conversation-service's logins and
 * widget sessions, the gateway's connects and hellos), so both read one rule from the same
 * {@code parley.client-address.*} keys.
 */
public final class TrustedProxies {

    /** Only literal addresses: a name would make parsing a DNS query an attacker chooses. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Cidr> proxies;

    private TrustedProxies(List<Cidr> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** @param cidrs {@code 10.0.0.0/8}, {@code fd00::/8}, or one address; refused when not literal */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(String::strip).filter(cidr -> !cidr.isEmpty()).map(Cidr::parse).toList());
    }

    /**
     * The proxies whose {@code header} is believed; refused when a header is named without any,
     * since then every client could write its own address there.
     */
    public static TrustedProxies forHeader(String header, List<String> cidrs) {
        TrustedProxies proxies = of(cidrs);
        if (header != null && !header.isBlank() && proxies.isEmpty()) {
            throw new IllegalStateException("parley.client-address.header is set without parley.client-address.trusted-proxies:"
                    + " name the proxies' addresses (CIDRs) whose header is believed");
        }
        return proxies;
    }

    public boolean isEmpty() {
        return proxies.isEmpty();
    }

    /**
     * @param peer      the address of the connection's other end
     * @param forwarded the proxy header's value, if the request has one
     */
    public String clientOf(String peer, Optional<String> forwarded) {
        if (forwarded.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwarded.get().split(",")).map(TrustedProxies::bare).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (address(hop).isEmpty()) {
                return i == hops.size() - 1 ? peer : hops.get(i + 1);
            }
            if (!trusted(hop)) {
                return address(hop).get().getHostAddress();
            }
        }
        return hops.isEmpty() ? peer : address(hops.get(0)).map(InetAddress::getHostAddress).orElse(peer);
    }

    private boolean trusted(String address) {
        return address(address).map(parsed -> proxies.stream().anyMatch(cidr -> cidr.contains(parsed))).orElse(false);
    }

    private static String bare(String hop) {
        String value = hop.strip();
        if (value.startsWith("[") && value.contains("]")) {
            return value.substring(1, value.indexOf(']'));
        }
        return value;
    }

    private static Optional<InetAddress> address(String literal) {
        if (!LITERAL.matcher(literal).matches() || !(literal.contains(":") || literal.chars().filter(c -> c == '.').count() == 3)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Cidr(byte[] network, int bits) {

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = address(host)
                    .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR: " + cidr));
            int length = address.getAddress().length * 8;
            int bits = slash < 0 ? length : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > length) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new Cidr(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
