package io.vodflow.contract.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vodflow.contract.event.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Every MediaProcessResultSet / processTaskList type maps to its ProcessOutput, in v3 and in v2. */
class ProcessOutputMappingTest {

    private final VodEventParser parser = new VodEventParser();

    @Test
    void v3MapsEveryDocumentedSubtaskTypeAndKeepsOthersAsJson() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(utf8("""
                {"EventType":"ProcedureStateChanged","ProcedureStateChangeEvent":{"TaskId":"t","Status":"FINISH",
                 "MediaProcessResultSet":[
                  {"Type":"AnimatedGraphics","AnimatedGraphicTask":{"Status":"SUCCESS","ErrCodeExt":"","ErrCode":0,
                   "Message":"","Progress":100,"Input":{"Definition":20000,"StartTimeOffset":2,"EndTimeOffset":5.5},
                   "Output":{"Url":"u/a.gif","Definition":20000,"Container":"gif","Height":240,"Width":320,
                    "Bitrate":1000,"Size":4096,"Md5":"m","StartTimeOffset":2,"EndTimeOffset":5.5}}},
                  {"Type":"SnapshotByTimeOffset","SnapshotByTimeOffsetTask":{"Status":"SUCCESS","Input":{"Definition":10},
                   "Output":{"Definition":10,"PicInfoSet":[{"TimeOffset":0,"Url":"u/s0.jpg"},{"TimeOffset":1000,
                    "Url":"u/s1.jpg","WaterMarkDefinition":[]}]}}},
                  {"Type":"SampleSnapshot","SampleSnapshotTask":{"Status":"SUCCESS","Input":{"Definition":11},
                   "Output":{"Definition":11,"SampleType":"Percent","Interval":10,"ImageUrlSet":["u/p0.jpg","u/p1.jpg"]}}},
                  {"Type":"ImageSprites","ImageSpriteTask":{"Status":"SUCCESS","Input":{"Definition":12},
                   "Output":{"Definition":12,"Height":90,"Width":160,"TotalCount":100,"ImageUrlSet":["u/sp0.jpg"],
                    "WebVttUrl":"u/sp.vtt"}}},
                  {"Type":"CoverBySnapshot","CoverBySnapshotTask":{"Status":"FAIL","ErrCodeExt":"X","ErrCode":1,
                   "Input":{"Definition":10,"PositionType":"Percent","PositionValue":50}}},
                  {"Type":"AdaptiveDynamicStreaming","AdaptiveDynamicStreamingTask":{"Status":"SUCCESS",
                   "Input":{"Definition":1000},"Output":{"Url":"u/master.m3u8","Definition":1000,"Package":"HLS",
                    "DrmType":"SimpleAES","Size":1}}},
                  {"Type":"SuperResolution","SuperResolutionTask":{"Status":"PROCESSING","Progress":5,
                   "Input":{"Definition":7},"Output":{"Url":"u/sr.mp4","Extra":[1,{"b":null}]}}}],
                 "AiContentReviewResultSet":[
                  {"Type":"Porn","PornTask":{"Status":"SUCCESS","ErrCodeExt":"","Message":"ok",
                   "Input":{"Definition":10},"Output":{"Confidence":0,"Suggestion":"pass","SegmentSet":[]}}},
                  {"Type":"Porn.Asr","PornAsrTask":{"Status":"FAIL","ErrCodeExt":"E","Message":"bad"}},
                  {"Type":"Prohibited.Ocr","ProhibitedOcrTask":{"Status":"SUCCESS",
                   "Output":{"Confidence":85.5,"Suggestion":"review"}}}]}}
                """));

        assertThat(e.mediaProcessResults()).extracting(MediaProcessResult::output).containsExactly(
                new ProcessOutput.AnimatedGraphic("u/a.gif", 20000, "gif", 240, 320, 4096L, 3.5),
                new ProcessOutput.Snapshots(10, List.of("u/s0.jpg", "u/s1.jpg")),
                new ProcessOutput.Snapshots(11, List.of("u/p0.jpg", "u/p1.jpg")),
                new ProcessOutput.ImageSprites(12, 100, List.of("u/sp0.jpg"), "u/sp.vtt"),
                null,
                new ProcessOutput.AdaptiveStreaming("u/master.m3u8", 1000, "HLS", "SimpleAES"),
                new ProcessOutput.Other("{\"Url\":\"u/sr.mp4\",\"Extra\":[1,{\"b\":null}]}"));
        assertThat(e.mediaProcessResults().get(4)).isEqualTo(new MediaProcessResult("CoverBySnapshot",
                TaskStatus.FAIL, "X", 1, null, null, 10, null, null, null));
        assertThat(e.mediaProcessResults().get(6)).extracting(MediaProcessResult::type, MediaProcessResult::status,
                MediaProcessResult::progress, MediaProcessResult::inputDefinition)
                .containsExactly("SuperResolution", TaskStatus.PROCESSING, 5, 7);
        assertThat(e.aiContentReviewResults()).containsExactly(
                new AiReviewResult("Porn", TaskStatus.SUCCESS, "", "ok", "pass", 0.0),
                new AiReviewResult("Porn.Asr", TaskStatus.FAIL, "E", "bad", null, null),
                new AiReviewResult("Prohibited.Ocr", TaskStatus.SUCCESS, null, null, "review", 85.5));
    }

    @Test
    void v3TranscodeWithoutOutputDefinitionFallsBackToTheInputDefinition() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(utf8("""
                {"EventType":"ProcedureStateChanged","ProcedureStateChangeEvent":{"MediaProcessResultSet":[
                 {"Type":"Transcode","TranscodeTask":{"Status":"SUCCESS","Input":{"Definition":20},
                  "Output":{"Url":"u/v.mp4"}}},
                 {"Type":"Transcode","TranscodeTask":{"Status":"SUCCESS","Input":{"Definition":20},
                  "Output":{"Url":"u/o.mp4","Definition":0}}}]}}
                """));

        assertThat(e.mediaProcessResults()).extracting(MediaProcessResult::output).containsExactly(
                new ProcessOutput.Transcode("u/v.mp4", 20, null, null, null, null, null, null, null),
                new ProcessOutput.Transcode("u/o.mp4", 0, null, null, null, null, null, null, null));
    }

    @Test
    void v2MapsEveryDocumentedTaskTypeOntoTheSameOutputs() {
        ProcedureStateChanged e = (ProcedureStateChanged) parser.parse(utf8("""
                {"version":"4.0","eventType":"ProcedureStateChanged","data":{"procedureTaskId":"pt","status":"FINISH",
                 "fileId":"f","processTaskList":[
                  {"taskType":"AnimatedGraphics","status":"SUCCESS","errCode":0,"message":"",
                   "input":{"definition":20000,"startTime":1,"endTime":4},
                   "output":{"url":"u/a.gif","container":"gif","fps":10,"height":240,"width":320}},
                  {"taskType":"SampleSnapshot","status":"SUCCESS","input":{"definition":11,"watermarkDefinition":[]},
                   "output":{"imageUrls":["u/p0.jpg"]}},
                  {"taskType":"SnapshotByTimeOffset","status":"SUCCESS","input":{"definition":10,"timeOffset":[0,500]},
                   "output":{"imgInfo":[{"timeOffset":0,"url":"u/s0.jpg"},{"timeOffset":500,"url":"u/s1.jpg"}]}},
                  {"taskType":"CoverBySnapshot","status":"SUCCESS","input":{"definition":10,"positionType":"Time",
                   "position":0},"output":{"imageUrl":"u/c.jpg"}},
                  {"taskType":"ImageSprites","status":"SUCCESS","input":{"definition":12},
                   "output":{"totalCount":3,"urlList":["u/sp0.jpg","u/sp1.jpg"],"webVttUrl":"u/sp.vtt"}},
                  {"taskType":"PullFile","status":"FAIL","errCode":30009,"message":"bad source",
                   "input":{"url":"http://x/y.mp4"},"output":{"fileId":"f2","fileSize":1}}],
                 "contentReviewList":[{"taskType":"Porn","status":"SUCCESS","errCode":0,"message":"",
                  "input":{"definition":10},"output":{"confidence":12.5,"suggestion":"pass","segments":[]}}]}}
                """));

        assertThat(e.taskId()).isEqualTo("pt");
        assertThat(e.mediaProcessResults()).extracting(MediaProcessResult::output).containsExactly(
                new ProcessOutput.AnimatedGraphic("u/a.gif", 20000, "gif", 240, 320, null, 3.0),
                new ProcessOutput.Snapshots(11, List.of("u/p0.jpg")),
                new ProcessOutput.Snapshots(10, List.of("u/s0.jpg", "u/s1.jpg")),
                new ProcessOutput.Cover("u/c.jpg"),
                new ProcessOutput.ImageSprites(12, 3, List.of("u/sp0.jpg", "u/sp1.jpg"), "u/sp.vtt"),
                new ProcessOutput.Other("{\"fileId\":\"f2\",\"fileSize\":1}"));
        assertThat(e.mediaProcessResults().get(5)).extracting(MediaProcessResult::status, MediaProcessResult::errCode,
                MediaProcessResult::message).containsExactly(TaskStatus.FAIL, 30009, "bad source");
        assertThat(e.aiContentReviewResults()).containsExactly(
                new AiReviewResult("Porn", TaskStatus.SUCCESS, null, "", "pass", 12.5));
    }
}
