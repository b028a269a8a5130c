package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.callback.CallbackSignatureVerdict;
import io.vodflow.contract.callback.CallbackSignatureVerifier;
import io.vodflow.contract.event.DeletedPart;
import io.vodflow.contract.event.FileDeleted;
import io.vodflow.contract.event.MediaProcessResult;
import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.contract.event.ProcedureStateChanged;
import io.vodflow.contract.event.ProcessOutput;
import io.vodflow.contract.event.TaskStatus;
import io.vodflow.contract.event.VodEventParser;
import io.vodflow.contract.event.WireFormat;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.MutableClock;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackFactoryTest {

    private static final long NOW = 1_700_000_000L;
    private static final String SIGN_KEY = "VodCbKey2024abc";

    private final ObjectMapper mapper = new ObjectMapper();
    private final VodEventParser parser = new VodEventParser();
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final VodEmulator vod = new VodEmulator(EmulatorSettings.of(TestSignatures.SECRET_ID,
            TestSignatures.SECRET_KEY).withClock(clock).withRenditions(List.of(Rendition.LD_360P, Rendition.HD_720P)));
    private final UploadedMedia media = upload();

    @Test
    void newFileUploadCarriesTheSignaturesSourceContextAndTaskId() throws IOException {
        byte[] body = vod.callbacks().newFileUpload(media);

        JsonNode event = mapper.readTree(body).path("FileUploadEvent");
        assertThat(event.path("MediaBasicInfo").path("SourceInfo").path("SourceContext").asText())
                .isEqualTo("{\"sid\":\"s-1\"}");
        assertThat(event.path("ProcedureTaskId").asText()).isEqualTo(media.procedureTaskId());
        assertThat(event.path("MetaData").path("Size").asLong()).isEqualTo(media.request().mediaSize());
        NewFileUpload parsed = (NewFileUpload) parser.parse(body);
        assertThat(parsed.fileId()).isEqualTo(media.fileId());
        assertThat(parsed.sourceContext()).isEqualTo("{\"sid\":\"s-1\"}");
    }

    @Test
    void finishedProcedureHasOneTranscodePerRenditionAndASnapshotCover() throws IOException {
        byte[] body = vod.callbacks().procedureFinished(media);

        ProcedureStateChanged parsed = (ProcedureStateChanged) parser.parse(body);
        assertThat(parsed.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(parsed.taskId()).isEqualTo(media.procedureTaskId());
        assertThat(parsed.sessionContext()).isEqualTo("session-1");
        List<ProcessOutput> outputs = parsed.mediaProcessResults().stream().map(MediaProcessResult::output).toList();
        assertThat(outputs).contains(
                new ProcessOutput.Cover(CallbackFactory.snapshotCoverUrl(media)));
        ProcessOutput.Transcode hd = outputs.stream().filter(ProcessOutput.Transcode.class::isInstance)
                .map(ProcessOutput.Transcode.class::cast).filter(t -> t.definition() == 100030).findFirst().orElseThrow();
        assertThat(hd.url()).endsWith("/" + media.storageDir() + "/v.f100030.mp4");
        assertThat(hd.width()).isEqualTo(1280);
        assertThat(hd.height()).isEqualTo(720);
        assertThat(hd.bitrate()).isEqualTo(2_896_000L);
        assertThat(hd.size()).isPositive();
        assertThat(parsed.mediaProcessResults()).filteredOn(r -> "Transcode".equals(r.type())).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(TaskStatus.SUCCESS));
    }

    @Test
    void processingProcedureReportsProgressAndNoOutputs() throws IOException {
        JsonNode task = mapper.readTree(vod.callbacks().procedureProcessing(media, 40))
                .path("ProcedureStateChangeEvent");

        assertThat(task.path("Status").asText()).isEqualTo("PROCESSING");
        assertThat(task.path("MediaProcessResultSet")).hasSize(2).allSatisfy(result -> {
            assertThat(result.path("TranscodeTask").path("Progress").asInt()).isEqualTo(40);
            assertThat(result.path("TranscodeTask").has("Output")).isFalse();
        });
    }

    @Test
    void failedProcedureFinishesWithAFailedSubtaskAndErrCodeExt() {
        ProcedureStateChanged parsed = (ProcedureStateChanged) parser.parse(vod.callbacks().procedureFailed(media));

        assertThat(parsed.status()).isEqualTo(TaskStatus.FINISH);
        assertThat(parsed.mediaProcessResults()).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(TaskStatus.FAIL);
            assertThat(r.errCodeExt()).isNotEmpty();
            assertThat(r.inputDefinition()).isEqualTo(100030);
        });
    }

    @Test
    void fileDeletedNamesTheFileAndOnlyTheGivenParts() {
        FileDeleted whole = (FileDeleted) parser.parse(vod.callbacks().fileDeleted(media.fileId()));
        FileDeleted partial = (FileDeleted) parser.parse(vod.callbacks().fileDeleted(media.fileId(),
                new DeletedPart(DeletedPart.TRANSCODE_FILES, 100030)));

        assertThat(whole.fileIds()).containsExactly(media.fileId());
        assertThat(whole.partsOf(media.fileId())).isEmpty();
        assertThat(partial.partsOf(media.fileId())).containsExactly(new DeletedPart(DeletedPart.TRANSCODE_FILES, 100030));
    }

    @Test
    void legacyBodiesParseAsV2WithTheSameIds() {
        NewFileUpload upload = (NewFileUpload) parser.parse(vod.callbacks().legacyNewFileUpload(media));
        ProcedureStateChanged finish = (ProcedureStateChanged) parser.parse(vod.callbacks().legacyProcedureFinished(media));

        assertThat(upload.format()).isEqualTo(WireFormat.V2);
        assertThat(upload.sourceContext()).isEqualTo("{\"sid\":\"s-1\"}");
        assertThat(upload.procedureTaskId()).isEqualTo(media.procedureTaskId());
        assertThat(finish.format()).isEqualTo(WireFormat.V2);
        assertThat(finish.taskId()).isEqualTo(media.procedureTaskId());
        assertThat(finish.status()).isEqualTo(TaskStatus.FINISH);
    }

    @Test
    void withASignKeyEveryBodyCarriesSignAndTValidForTenMinutes() throws IOException {
        CallbackFactory signing = new CallbackFactory(clock, SIGN_KEY, Rendition.DEFAULTS);
        CallbackSignatureVerifier verifier = new CallbackSignatureVerifier(SIGN_KEY);

        for (byte[] body : List.of(signing.newFileUpload(media), signing.procedureFinished(media),
                signing.legacyNewFileUpload(media))) {
            JsonNode json = mapper.readTree(body);
            assertThat(json.path("T").asLong()).isEqualTo(NOW + 600);
            assertThat(verifier.verify(json.path("Sign").asText(), json.path("T").asText(), clock.instant()))
                    .isEqualTo(CallbackSignatureVerdict.VALID);
        }
    }

    @Test
    void withoutASignKeyBodiesCarryNoSign() throws IOException {
        JsonNode json = mapper.readTree(vod.callbacks().newFileUpload(media));

        assertThat(json.has("Sign")).isFalse();
        assertThat(json.has("T")).isFalse();
    }

    private UploadedMedia upload() {
        String signature = TestSignatures.sign(TestSignatures.oneTimeWithProcedure(NOW, 1));
        return ((UploadResult.Accepted) vod.upload(signature, UploadRequest.of("holiday-clip"))).media();
    }
}
