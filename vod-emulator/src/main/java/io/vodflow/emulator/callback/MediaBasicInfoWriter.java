package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.upload.UploadedMedia;

/** Writes the v3 {@code MediaBasicInfo} of an uploaded file, with the signature's sourceContext in SourceInfo. */
final class MediaBasicInfoWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MediaBasicInfoWriter() {
    }

    static ObjectNode write(UploadedMedia media) {
        ObjectNode info = JSON.objectNode()
                .put("Name", media.request().mediaName()).put("Description", "")
                .put("CreateTime", ProcedureTaskWriter.iso(media.createTime()))
                .put("UpdateTime", ProcedureTaskWriter.iso(media.createTime().plusSeconds(1)))
                .put("ExpireTime", "9999-12-31T23:59:59Z")
                .put("ClassId", media.classId())
                .put("ClassName", media.classId() == 0 ? "Other" : "Class" + media.classId())
                .put("ClassPath", media.classId() == 0 ? "Other" : "Class" + media.classId())
                .put("CoverUrl", media.coverUrl()).put("Type", media.request().mediaType())
                .put("MediaUrl", media.mediaUrl());
        info.putArray("TagSet");
        info.put("StorageRegion", media.storageRegion());
        info.putObject("SourceInfo").put("SourceType", "Upload").put("SourceContext", media.sourceContext());
        return info.put("Vid", media.fileId()).put("Category", "Video").put("Status", "Normal")
                .put("StorageClass", "STANDARD");
    }
}
