package dev.parley.bench.load;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few fields the load generator needs straight from a frame's UTF-8 bytes, without
 * building a JSON tree: the gateway writes compact JSON ({@code "key":value}, no spaces), and every
 * key looked for here is unique in the frames it is looked for in, or its first occurrence is the
 * one meant (the frame's own {@code type} comes before the event's).
 */
final class FrameScan {

    static final long ABSENT = Long.MIN_VALUE;

    private FrameScan() {
    }

    static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The index of the first {@code needle} in {@code frame} at or after {@code from}, or -1. */
    static int indexOf(ByteBuf frame, byte[] needle, int from) {
        int end = frame.writerIndex() - needle.length;
        outer:
        for (int i = Math.max(from, frame.readerIndex()); i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (frame.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether {@code frame} holds {@code needle}. */
    static boolean contains(ByteBuf frame, byte[] needle) {
        return indexOf(frame, needle, 0) >= 0;
    }

    /** The number after the first {@code key} (optionally quoted, as refs may be), or {@link #ABSENT}. */
    static long number(ByteBuf frame, byte[] key) {
        int at = indexOf(frame, key, 0);
        return at < 0 ? ABSENT : digits(frame, at + key.length);
    }

    /** The decimal digits at {@code at} (after an optional quote), or {@link #ABSENT}. */
    static long digits(ByteBuf frame, int at) {
        int i = at;
        if (i < frame.writerIndex() && frame.getByte(i) == '"') {
            i++;
        }
        long value = 0;
        int start = i;
        while (i < frame.writerIndex()) {
            byte b = frame.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            i++;
        }
        return i == start ? ABSENT : value;
    }

    /** The string value after the first {@code key}, or null (no escapes expected: ids, codes, types). */
    static String string(ByteBuf frame, byte[] key) {
        int at = indexOf(frame, key, 0);
        if (at < 0) {
            return null;
        }
        int start = at + key.length;
        if (start >= frame.writerIndex() || frame.getByte(start) != '"') {
            return null;
        }
        int end = start + 1;
        while (end < frame.writerIndex() && frame.getByte(end) != '"') {
            end++;
        }
        return frame.toString(start + 1, end - start - 1, StandardCharsets.UTF_8);
    }

    /** Whether the frame's first {@code "type":"…"} is {@code type}. */
    static boolean typeIs(ByteBuf frame, byte[] quotedTypeKey) {
        int at = indexOf(frame, TYPE, 0);
        if (at < 0) {
            return false;
        }
        for (int j = 0; j < quotedTypeKey.length; j++) {
            if (at + TYPE.length + j >= frame.writerIndex() || frame.getByte(at + TYPE.length + j) != quotedTypeKey[j]) {
                return false;
            }
        }
        return true;
    }

    static final byte[] TYPE = key("type");

    /** {@code "name"} as it follows {@code "type":}, for {@link #typeIs}. */
    static byte[] quoted(String type) {
        return ascii("\"" + type + "\"");
    }
}
