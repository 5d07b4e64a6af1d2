package dev.parley.conversation.identity.domain;

import java.util.Optional;

/** What a visitor says about themself; absent parts leave what is stored unchanged. */
public record CustomerProfile(Optional<String> name, Optional<String> email) {

    public static CustomerProfile empty() {
        return new CustomerProfile(Optional.empty(), Optional.empty());
    }
}
