package io.vodflow.signer.support;

import io.vodflow.signer.issue.SignatureRandom;

import java.util.concurrent.ConcurrentLinkedQueue;

/** A {@link SignatureRandom} that plays scripted values first (to force collisions), then draws real randoms. */
public class ScriptedRandom extends SignatureRandom {
    private final ConcurrentLinkedQueue<Long> script = new ConcurrentLinkedQueue<>();

    public void script(long... values) {
        for (long v : values) {
            script.add(v);
        }
    }

    @Override
    public long next() {
        Long scripted = script.poll();
        return scripted != null ? scripted : super.next();
    }
}
