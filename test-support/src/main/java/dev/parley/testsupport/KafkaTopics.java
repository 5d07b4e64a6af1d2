package dev.parley.testsupport;

final class KafkaTopics {

    private KafkaTopics() {
    }

    static String newPrefix() {
        return "t-" + UniqueNames.random(10) + ".";
    }
}
