package io.vodflow.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Finds and checks TCP ports on 127.0.0.1 for the servers this module starts. */
public final class LocalPorts {

    /** The loopback address every server of this module binds to. */
    public static final String HOST = "127.0.0.1";

    // Below Linux's ephemeral range (32768-60999): a port picked here is never taken by an outgoing
    // connection's source port while its broker is stopped, so a restart finds it free again.
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    // a picked port stays free until its server binds it, so without this two picks in a row could return the same one
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LocalPorts() {
    }

    /** A port that is free on 127.0.0.1 right now, outside the ephemeral range, and not picked before by this JVM. */
    public static int pickFree() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free TCP port found on " + HOST + " between " + LOW + " and " + HIGH);
    }

    /** Whether a server could bind 127.0.0.1:port now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port and the setting that changes it when the port is taken. */
    public static void requireFree(int port, String what, String setting) {
        if (!isFree(port)) {
            throw new IllegalStateException(what + " cannot listen on " + HOST + ":" + port
                    + " because the port is already in use; stop what uses it or choose another port with " + setting);
        }
    }
}
