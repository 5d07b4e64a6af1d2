package dev.parley.testsupport;

import java.security.SecureRandom;

/** Random suffixes that keep test classes apart on shared servers, even across concurrent JVMs. */
final class UniqueNames {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UniqueNames() {
    }

    /** Lower-case letters and digits only, so the result is safe in SQL identifiers, keys and topics. */
    static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
