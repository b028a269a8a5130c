package io.vodflow.localstack.demo;

import io.vodflow.emulator.callback.UploadStory;

import java.util.List;

/** How the emulated VOD delivers a story's callbacks: in order, last first, or each twice. */
public enum Delivery {
    IN_ORDER, REVERSED, EACH_TWICE;

    /** The bodies to push, in push order. */
    public List<byte[]> bodies(UploadStory story) {
        return switch (this) {
            case IN_ORDER -> story.inOrder();
            case REVERSED -> story.reversed();
            case EACH_TWICE -> story.eachTwice();
        };
    }
}
