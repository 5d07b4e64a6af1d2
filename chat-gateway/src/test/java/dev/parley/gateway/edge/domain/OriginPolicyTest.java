package dev.parley.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {

    private static final List<String> ACME = List.of("https://acme.example", "https://www.acme.example/");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", textBlock = """
            an allowed origin,                         https://acme.example,       true
            another allowed origin with a slash,       https://www.acme.example,   true
            case is ignored,                           HTTPS://ACME.example,       true
            another site,                              https://evil.example,       false
            the same host on another scheme,           http://acme.example,        false
            a subdomain is not the domain,             https://x.acme.example,     false
            no Origin (not a browser) when listed,     none,                       false
            """)
    void aCustomerSocketIsAdmittedOnlyFromItsInboxsOrigins(String why, String origin, boolean admitted) {
        assertThat(new OriginPolicy(List.of()).admitsCustomer(ACME, Optional.ofNullable(origin))).isEqualTo(admitted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", textBlock = """
            any site,  https://anywhere.example
            no Origin, none
            """)
    void anInboxWithoutOriginsAdmitsAnyCustomerSocket(String why, String origin) {
        assertThat(new OriginPolicy(List.of()).admitsCustomer(List.of(), Optional.ofNullable(origin))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @CsvSource(nullValues = "none", textBlock = """
            the console served by this gateway,        https://chat.parley.example,      chat.parley.example,      true
            same host and port,                        http://127.0.0.1:8080,            127.0.0.1:8080,           true
            same host on another port,                 http://127.0.0.1:9999,            127.0.0.1:8080,           false
            another site,                              https://evil.example,             chat.parley.example,      false
            not a browser,                             none,                             chat.parley.example,      true
            garbage,                                   'not an origin',                  chat.parley.example,      false
            """)
    void withoutConfiguredOriginsAnAgentSocketMustBeSameSite(String why, String origin, String host, boolean admitted) {
        assertThat(new OriginPolicy(List.of()).admitsAgent(Optional.ofNullable(origin), host)).isEqualTo(admitted);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", textBlock = """
            a configured console,        https://console.parley.example,   true
            the gateway's own host,      https://gw.parley.example,        false
            not a browser,               none,                             true
            """)
    void configuredConsoleOriginsReplaceTheSameSiteRule(String why, String origin, boolean admitted) {
        var policy = new OriginPolicy(List.of("https://console.parley.example/"));

        assertThat(policy.admitsAgent(Optional.ofNullable(origin), "gw.parley.example")).isEqualTo(admitted);
    }
}
