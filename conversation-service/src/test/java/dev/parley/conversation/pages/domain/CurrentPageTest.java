package dev.parley.conversation.pages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrentPageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "https://shop.example/cart?x=1#top | Cart  | Cart",
            "HTTP://shop.example/             | Shop  | Shop",
            "http://127.0.0.1:8080/           | NULL  | NULL",
            "https://shop.example/            | '   ' | NULL",
            "https://shop.example/            | '  Padded title ' | Padded title",
    })
    void anHttpPageIsAcceptedWithItsTitleTrimmed(String url, String title, String stored) {
        Outcome<CurrentPage> page = CurrentPage.of(url, title);

        assertThat(page).isEqualTo(Outcome.accepted(new CurrentPage(url, stored)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "javascript:alert(1)             | url",
            "data:text/html,<b>hi</b>        | url",
            "ftp://shop.example/             | url",
            "https://                        | url",
            "//shop.example/                 | url",
            "https://shop.example/a b        | url",
            "NULL                            | url",
    })
    void anythingButAnAbsoluteHttpUrlIsRefusedNamingTheUrl(String url, String field) {
        assertThat(rejectedField(CurrentPage.of(url, "Title"))).isEqualTo(field);
    }

    @Test
    void lengthsAreBoundedWhereTheyAreDeclared() {
        String longest = "https://shop.example/" + "a".repeat(CurrentPage.MAX_URL - 21);
        assertThat(CurrentPage.of(longest, null)).isInstanceOf(Outcome.Accepted.class);
        assertThat(rejectedField(CurrentPage.of(longest + "a", null))).isEqualTo("url");
        assertThat(CurrentPage.of("https://shop.example/", "t".repeat(CurrentPage.MAX_TITLE))).isInstanceOf(Outcome.Accepted.class);
        assertThat(rejectedField(CurrentPage.of("https://shop.example/", "t".repeat(CurrentPage.MAX_TITLE + 1)))).isEqualTo("title");
        assertThat(rejectedField(CurrentPage.of("https://shop.example/", "Tab\tinside"))).isEqualTo("title");
    }

    private static String rejectedField(Outcome<CurrentPage> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        var rejection = ((Outcome.Rejected<CurrentPage>) outcome).rejection();
        assertThat(rejection.code()).isEqualTo(CurrentPage.INVALID);
        return rejection.fields().keySet().iterator().next();
    }
}
