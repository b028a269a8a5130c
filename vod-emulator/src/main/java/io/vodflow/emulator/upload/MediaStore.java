package io.vodflow.emulator.upload;

import io.vodflow.contract.signature.UploadSignatureParams;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The emulated VOD's media library: mints new files with VOD-shaped ids and URLs and keeps them by FileId. */
public final class MediaStore {

    private final Map<String, UploadedMedia> byFileId = new ConcurrentHashMap<>();
    private final MediaIdentityGenerator ids;
    private final long appId;
    private final String storageRegion;
    private final String mediaBucket;
    private final String transcodeBucket;

    /** @param storageRegion default region of the account, e.g. {@code ap-chongqing} */
    public MediaStore(long appId, String storageRegion) {
        this.ids = new MediaIdentityGenerator(appId);
        this.appId = appId;
        this.storageRegion = storageRegion;
        String prefix = MediaIdentityGenerator.bucketPrefix();
        this.mediaBucket = prefix + "vodcq" + appId;
        this.transcodeBucket = prefix + "vodtranscq" + appId;
    }

    /** The file with this FileId, if it was uploaded here. */
    public Optional<UploadedMedia> find(String fileId) {
        return Optional.ofNullable(byFileId.get(fileId));
    }

    /** Every file uploaded so far. */
    public Collection<UploadedMedia> all() {
        return List.copyOf(byFileId.values());
    }

    UploadedMedia create(UploadSignatureParams signature, UploadRequest request, Instant now) {
        while (true) {
            UploadedMedia media = mint(signature, request, now);
            if (byFileId.putIfAbsent(media.fileId(), media) == null) {
                return media;
            }
        }
    }

    private UploadedMedia mint(UploadSignatureParams signature, UploadRequest request, Instant now) {
        String fileId = ids.fileId();
        String dir = ids.storageDir(fileId);
        String base = "http://" + appId + ".vod2.myqcloud.com/" + mediaBucket + "/" + dir + "/";
        String mediaUrl = base + ids.objectName() + "." + request.mediaType();
        String coverUrl = request.coverType() == null ? "" : base + ids.objectName() + "." + request.coverType();
        String region = signature.storageRegion() == null ? storageRegion : signature.storageRegion();
        boolean procedure = signature.procedure() != null && !signature.procedure().isEmpty();
        String taskId = procedure ? ids.procedureTaskId() : "";
        return new UploadedMedia(fileId, appId, region, mediaBucket, transcodeBucket, dir, request,
                mediaUrl, coverUrl, taskId, now, signature);
    }
}
