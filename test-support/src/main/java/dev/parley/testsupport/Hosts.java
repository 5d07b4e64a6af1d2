package dev.parley.testsupport;

final class Hosts {

    static final String LOOPBACK = "127.0.0.1";

    private Hosts() {
    }

    /** IPv6 literals need brackets inside URLs. */
    static String forUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
