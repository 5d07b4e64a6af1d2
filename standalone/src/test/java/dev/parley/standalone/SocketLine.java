package dev.parley.standalone;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.WebSocketRoute;
import java.util.regex.Pattern;

/**
 * A page's WebSocket to the gateway, routed through Playwright (frames pass unchanged) so that a
 * test can cut the line, as a train tunnel does, and restore it. While cut, every new socket the
 * page opens is closed at once, so the page keeps retrying with its backoff; nothing reaches the
 * server. Install it before the page opens its socket.
 */
final class SocketLine {

    private static final Pattern GATEWAY = Pattern.compile("^wss?://[^/]+/ws$");

    private WebSocketRoute current; // Playwright calls back on the test's thread
    private boolean cut;

    private SocketLine() {
    }

    static SocketLine of(Page page) {
        SocketLine line = new SocketLine();
        page.routeWebSocket(GATEWAY, line::connect);
        return line;
    }

    /** Closes the page's socket, and the server's side with it; new sockets are closed until {@link #restore}. */
    void cut() {
        cut = true;
        if (current != null) {
            try {
                current.close();
            } catch (PlaywrightException alreadyClosed) {
                // the page or the server closed it first: the line is cut all the same
            }
            current = null;
        }
    }

    /** The page's next attempt reaches the server again. */
    void restore() {
        cut = false;
    }

    private void connect(WebSocketRoute socket) {
        if (cut) {
            socket.close();
            return;
        }
        socket.connectToServer();
        current = socket;
    }
}
