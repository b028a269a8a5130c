package io.vodflow.kit.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/** Turns a request body buffered in a (pooled) DataBuffer into heap bytes, releasing the buffer. */
public final class BufferedBodies {
    private BufferedBodies() { }

    /** The buffer's readable bytes; the buffer is released whatever happens. */
    public static byte[] take(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
