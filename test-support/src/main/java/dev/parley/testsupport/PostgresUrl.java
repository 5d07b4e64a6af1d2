package dev.parley.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the two spellings people paste for a PostgreSQL server:
 * {@code jdbc:postgresql://host:port/db?user=..&password=..} and
 * {@code postgresql://user:pass@host:port/db} (also {@code postgres://}).
 */
final class PostgresUrl {

    static final int DEFAULT_PORT = 5432;
    static final String DEFAULT_USER = "postgres";
    static final String DEFAULT_DATABASE = "postgres";

    private PostgresUrl() {
    }

    static PostgresEndpoint parse(String url, String source) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url), e);
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException("not a PostgreSQL URL (scheme must be postgresql, postgres"
                    + " or jdbc:postgresql): " + redact(url));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("PostgreSQL URL names no host: " + redact(url));
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.get("user");
        String password = query.get("password");
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            user = decode(userInfo[0]);
            if (userInfo.length > 1) {
                password = decode(userInfo[1]);
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new PostgresEndpoint(
                stripBrackets(uri.getHost()),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                user == null || user.isEmpty() ? DEFAULT_USER : user,
                password,
                database.isEmpty() ? DEFAULT_DATABASE : database,
                source);
    }

    /** The URL with any password replaced, fit for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            String[] keyValue = pair.split("=", 2);
            values.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
