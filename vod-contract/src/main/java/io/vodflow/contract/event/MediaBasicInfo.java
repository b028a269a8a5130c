package io.vodflow.contract.event;

import java.util.List;

/** {@code MediaBasicInfo} of an upload (v2 fills only the fields it has: name, urls, source type and context). */
public record MediaBasicInfo(
        String name,
        String description,
        String createTime,
        String updateTime,
        String expireTime,
        Integer classId,
        String className,
        String classPath,
        String coverUrl,
        String type,
        String mediaUrl,
        String storageRegion,
        String storagePath,
        List<String> tagSet,
        String vid,
        String category,
        String status,
        String storageClass,
        String sourceType,
        String sourceContext) {
}
