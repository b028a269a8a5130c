package io.vodflow.localstack.bench;

import io.vodflow.contract.callback.CallbackSignatureVerifier;

/** Realistic v3 callback bodies for load, with {@code __N__} where each request gets its own file number. */
final class CallbackTemplates {
    private CallbackTemplates() { }

    /** A ProcedureStateChanged FINISH with one 720p rendition and a cover, as in the contract's example. */
    static final String PROCEDURE_FINISH = """
            {"EventType":"ProcedureStateChanged","ProcedureStateChangeEvent":{"TaskId":"1500000001-Procedure-bench__N__t0",\
            "Status":"FINISH","ErrCode":0,"Message":"","FileId":"52__N__","FileName":"holiday-clip",\
            "FileUrl":"http://1500000001.vod2.myqcloud.com/abcd1234vodcq1500000001/5f2e__N__/Xy7Qm2.mp4",\
            "MetaData":{"Size":48211873,"Container":"mov,mp4,m4a,3gp,3g2,mj2","Bitrate":6421337,"Height":1080,"Width":1920,\
            "Duration":60.06,"Rotate":0,"VideoDuration":60.06,"AudioDuration":60.02,\
            "VideoStreamSet":[{"Bitrate":6290000,"Height":1080,"Width":1920,"Codec":"h264","Fps":30}],\
            "AudioStreamSet":[{"Bitrate":128000,"SamplingRate":48000,"Codec":"aac"}]},\
            "MediaProcessResultSet":[{"Type":"Transcode","TranscodeTask":{"Status":"SUCCESS","ErrCodeExt":"","ErrCode":0,\
            "Message":"SUCCESS","Input":{"Definition":100030},"Output":{"Url":"http://1500000001.vod2.myqcloud.com/\
            abcd1234vodtranscq1500000001/5f2e__N__/v.f100030.mp4","Definition":100030,"Bitrate":2896000,"Height":720,\
            "Width":1280,"Size":21744310,"Duration":60.07,"Md5":"7b3e0c3f9d2a4e51a0c6f1d2e3b4a5c6",\
            "Container":"mov,mp4,m4a,3gp,3g2,mj2"},"Progress":100,"BeginProcessTime":"2025-03-02T08:15:45Z",\
            "FinishTime":"2025-03-02T08:16:31Z"}},{"Type":"CoverBySnapshot","CoverBySnapshotTask":{"Status":"SUCCESS",\
            "ErrCodeExt":"","ErrCode":0,"Message":"SUCCESS","Input":{"Definition":10,"PositionType":"Time","PositionValue":0},\
            "Output":{"CoverUrl":"http://1500000001.vod2.myqcloud.com/abcd1234vodtranscq1500000001/5f2e__N__/\
            coverBySnapshot_10_0.jpg"},"Progress":100}}],"AiContentReviewResultSet":[],"AiAnalysisResultSet":[],\
            "AiRecognitionResultSet":[],"TasksPriority":0,"TasksNotifyMode":"Finish","SessionContext":"","SessionId":""}\
            __SIGN__}""";

    /** A NewFileUpload whose SourceContext is {@code __SC__}, naming the same file and task as {@link #PROCEDURE_FINISH}. */
    static final String NEW_FILE_UPLOAD = """
            {"EventType":"NewFileUpload","FileUploadEvent":{"FileId":"52__N__","MediaBasicInfo":{"Name":"holiday-clip",\
            "Description":"","CreateTime":"2025-03-02T08:15:40Z","UpdateTime":"2025-03-02T08:15:41Z",\
            "ExpireTime":"9999-12-31T23:59:59Z","ClassId":0,"ClassName":"Other","ClassPath":"Other","CoverUrl":"",\
            "Type":"mp4","MediaUrl":"http://1500000001.vod2.myqcloud.com/abcd1234vodcq1500000001/5f2e__N__/Xy7Qm2.mp4",\
            "TagSet":[],"StorageRegion":"ap-chongqing","SourceInfo":{"SourceType":"Upload","SourceContext":"__SC__"},\
            "Vid":"52__N__","Category":"Video","Status":"Normal","StorageClass":"STANDARD"},"MetaData":{"Size":48211873,\
            "Container":"mov,mp4,m4a,3gp,3g2,mj2","Bitrate":6421337,"Height":1080,"Width":1920,"Duration":60.06},\
            "ProcedureTaskId":"1500000001-Procedure-bench__N__t0","ReviewAudioVideoTaskId":""}__SIGN__}""";

    /** The template with top-level Sign/T for {@code signKey}, valid for an hour; no signing fields when null. */
    static String signed(String template, String signKey) {
        if (signKey == null || signKey.isEmpty()) {
            return template.replace("__SIGN__", "");
        }
        long t = System.currentTimeMillis() / 1000 + 3600;
        return template.replace("__SIGN__", ",\"Sign\":\"" + CallbackSignatureVerifier.sign(signKey, t) + "\",\"T\":\"" + t + "\"");
    }
}
