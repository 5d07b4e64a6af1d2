package dev.parley.gateway.presence.adapter.ws;

import dev.parley.gateway.presence.application.TrackingPresence;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.socket.application.ClientSocket;
import java.util.function.Supplier;

/**
 * Feeds the session table's first and last socket of each user into presence, without waiting:
 * the table calls it while a hello or a close is in progress.
 */
public final class SocketPresence implements SessionTable.Listener<ClientSocket> {

    /** A supplier, because presence reaches sockets through the session table it listens to. */
    private final Supplier<TrackingPresence> tracking;

    public SocketPresence(Supplier<TrackingPresence> tracking) {
        this.tracking = tracking;
    }

    @Override
    public void firstHere(ClientSocket socket) {
        tracking.get().connected(socket.principal(), socket.token()).subscribe();
    }

    @Override
    public void lastHere(ClientSocket socket) {
        tracking.get().disconnected(socket.principal(), socket.token()).subscribe();
    }
}
