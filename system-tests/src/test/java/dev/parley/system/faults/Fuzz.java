package dev.parley.system.faults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded generators of bad input: socket frames (not JSON, not objects, no or unknown {@code type},
 * known commands with fields of every wrong shape, truncated and mutated frames, deep nesting) and
 * HTTP JSON bodies and multipart uploads. The same seed gives the same inputs, so a failure can be replayed.
 */
final class Fuzz {

    private static final List<String> TYPES = List.of("hello", "ping", "auth", "typing", "conversation.start",
            "conversation.list", "conversation.open", "conversation.join", "conversation.resolve", "conversation.transfer",
            "message.send", "message.edit", "message.delete", "reaction.add", "reaction.remove", "read", "history",
            "events.since", "agent.status", "presence.get", "nope", "", "MESSAGE.SEND", "message.send ");
    private static final List<String> FIELDS = List.of("ref", "conversationId", "clientMsgId", "body", "kind", "replyTo",
            "attachmentIds", "messageId", "emoji", "since", "limit", "before", "after", "lastDeliveredSeq", "lastReadSeq",
            "status", "agentId", "departmentId", "userIds", "token", "typing", "view", "cursor", "lastSeqs");

    /** Below the gateway's 64 KB frame limit, which closes the socket (the oversized frames test that apart). */
    private static final int MAX_FRAME_BYTES = 60_000;

    private final Random random;

    Fuzz(long seed) {
        random = new Random(seed);
    }

    /**
     * A bad frame, under 60 KB. {@code commandShare} of them are commands of plausible shape (which
     * the gateway passes on to conversation-service, as a caller's stranger frames would be).
     */
    String frame(double commandShare) {
        String frame;
        do {
            frame = anyFrame(commandShare);
        } while (frame.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES);
        return frame;
    }

    private String anyFrame(double commandShare) {
        if (random.nextDouble() < commandShare) {
            return command();
        }
        return switch (random.nextInt(10)) {
            case 0 -> garbage(random.nextInt(200));
            case 1 -> pick(List.of("[]", "[1,2,3]", "\"message.send\"", "42", "-0", "null", "true", "{}", "{\"type\":null}",
                    "{\"type\":42}", "{\"type\":[\"ping\"]}", "{\"type\":{}}", "{\"ref\":1}", " ", "\uFEFF{\"type\":\"ping\"}",
                    "{\"type\":\"ping\",\"type\":\"ping\"}", "{\"type\":\"ping\"} trailing", "{'type':'ping'}",
                    "{\"type\":\"ping\"", "{\"type\":\"\\ud800\"}", "1e999999", "{\"type\":\"events.since\",\"since\":1e999999}"));
            case 2 -> "{\"type\":\"" + escape(garbage(random.nextInt(40))) + "\",\"ref\":" + random.nextInt() + "}";
            case 3 -> nested(random.nextInt(3000));
            case 4 -> truncate(wrongShape());
            case 5 -> mutate(wrongShape());
            default -> wrongShape();
        };
    }

    /** A known type with every field of a random wrong (or right) shape. */
    String wrongShape() {
        StringBuilder frame = new StringBuilder("{\"type\":\"").append(pick(TYPES)).append('"');
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            frame.append(",\"").append(pick(FIELDS)).append("\":").append(value(2));
        }
        return frame.append('}').toString();
    }

    /** A command whose ids are well-formed (random, so of nobody's conversation). */
    private String command() {
        String conversation = UUID.randomUUID().toString();
        return pick(List.of(
                "{\"type\":\"message.send\",\"conversationId\":\"" + conversation + "\",\"clientMsgId\":\"" + UUID.randomUUID()
                        + "\",\"body\":" + value(0) + ",\"kind\":\"TEXT\"}",
                "{\"type\":\"events.since\",\"conversationId\":\"" + conversation + "\",\"since\":" + random.nextInt(100) + "}",
                "{\"type\":\"conversation.open\",\"conversationId\":\"" + conversation + "\"}",
                "{\"type\":\"typing\",\"conversationId\":\"" + conversation + "\"}",
                "{\"type\":\"read\",\"conversationId\":\"" + conversation + "\",\"lastDeliveredSeq\":1,\"lastReadSeq\":1}",
                "{\"type\":\"history\",\"conversationId\":\"" + conversation + "\",\"limit\":" + random.nextInt(1000) + "}"));
    }

    /** A JSON body for an endpoint that expects an object of {@code fields}: of wrong shapes, or not JSON at all. */
    byte[] body(List<String> fields) {
        String text = switch (random.nextInt(8)) {
            case 0 -> garbage(random.nextInt(300));
            case 1 -> truncate(object(fields));
            case 2 -> mutate(object(fields));
            case 3 -> nested(random.nextInt(3000));
            case 4 -> pick(List.of("", "null", "[]", "42", "\"x\"", "{", "}", "{\"a\":}", "{}"));
            default -> object(fields);
        };
        if (random.nextInt(20) == 0) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] invalid = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, invalid, 0, bytes.length);
            invalid[bytes.length] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
            invalid[bytes.length + 1] = (byte) 0x28;
            return invalid;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An upload request: its {@code Content-Type} header and its body. */
    record Upload(String contentType, byte[] body) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /**
     * A multipart upload of the kinds a broken or hostile client sends: a good envelope around odd
     * files (names with paths, control characters or 2,000 characters; declared types that lie;
     * empty, binary, HTML content), the file in the wrong part or none, boundaries that do not
     * match or never close, parts without headers, or garbage under a multipart type.
     * {@code oversized} bytes of content now and then, over the service's limit.
     */
    Upload upload(int oversized) {
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        String header = switch (random.nextInt(12)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=";
            case 2 -> "multipart/form-data; boundary=" + "b".repeat(200);
            case 3 -> "multipart/mixed; boundary=" + boundary;
            default -> "multipart/form-data; boundary=" + boundary;
        };
        String name = random.nextInt(6) == 0 ? pick(List.of("files", "", "FILE", "file\"; name=\"x", "attachment")) : "file";
        String filename = pick(List.of("photo.png", "../../etc/passwd", "C:\\boot.ini", "a\u0000b.png", "\r\nX-Injected: 1",
                "x".repeat(2_000) + ".png", "", "report.pdf", "page.html", "noextension", "emoji-\uD83D\uDE00.png", garbage(20)));
        String declared = pick(List.of("image/png", "text/html", "application/x-msdownload", "application/octet-stream",
                "image/svg+xml", "not a type", "", "image/png; charset=\"", "application/pdf"));
        byte[] content = switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> PNG;
            case 2 -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case 3 -> random.nextInt(15) == 0 ? new byte[oversized] : bytes(random.nextInt(4_000));
            default -> concat(PNG, bytes(random.nextInt(2_000)));
        };
        var body = new java.io.ByteArrayOutputStream();
        write(body, switch (random.nextInt(10)) {
            case 0 -> garbage(random.nextInt(500));
            case 1 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n";
            case 2 -> "--" + boundary + "\r\n\r\n"; // a part without headers
            case 3 -> "--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n";
            default -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\n" + (random.nextInt(5) == 0 ? "" : "Content-Type: " + declared + "\r\n") + "\r\n";
        });
        body.writeBytes(content);
        switch (random.nextInt(6)) {
            case 0 -> { } // never closed
            case 1 -> write(body, "\r\n--" + boundary); // closed without the final dashes
            default -> write(body, "\r\n--" + boundary + "--\r\n");
        }
        return new Upload(header, body.toByteArray());
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private String object(List<String> fields) {
        StringBuilder object = new StringBuilder("{");
        for (String field : fields) {
            if (random.nextInt(4) > 0) {
                object.append(object.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value(2));
            }
        }
        return object.append('}').toString();
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 14 : 11);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> pick(List.of("-1", "0", "1.5", "1e308", "-1e308", "9223372036854775808", "1e-400", "NaN"));
            case 4 -> "\"" + UUID.randomUUID() + "\"";
            case 5 -> "\"" + UUID.randomUUID().toString().substring(0, 30) + "\"";
            case 6 -> "\"" + escape(garbage(random.nextInt(30))) + "\"";
            case 7 -> "\"\"";
            case 8 -> "\"" + "x".repeat(random.nextInt(20_000)) + "\"";
            case 9 -> pick(List.of("\"TEXT\"", "\"NOTE\"", "\"note\"", "\"ONLINE\"", "\"\\u0000\"", "\"<script>alert(1)</script>\""));
            case 10 -> "\"" + pick(TYPES) + "\"";
            case 11 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
            case 12 -> "{\"" + pick(FIELDS) + "\":" + value(depth - 1) + "}";
            default -> "[]";
        };
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    private String truncate(String text) {
        return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
    }

    private String mutate(String text) {
        if (text.isEmpty()) {
            return "\u0000";
        }
        char[] chars = text.toCharArray();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            chars[random.nextInt(chars.length)] = (char) (random.nextInt(0x7f - 0x20) + 0x20);
        }
        return new String(chars);
    }

    private String garbage(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(4) == 0 ? random.nextInt(0xD7FF) : random.nextInt(0x7f);
            text.append((char) c);
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
