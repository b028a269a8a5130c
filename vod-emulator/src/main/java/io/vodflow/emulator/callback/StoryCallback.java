package io.vodflow.emulator.callback;

/**
 * One callback of an {@link UploadStory}: its event type, the task status it reports ("" for NewFileUpload)
 * and the body as VOD would POST it.
 */
public record StoryCallback(String eventType, String status, byte[] body) {
}
