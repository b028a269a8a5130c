package io.vodflow.emulator.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.contract.event.DeletedPart;
import io.vodflow.emulator.EmulatorSettings;
import io.vodflow.emulator.TestSignatures;
import io.vodflow.emulator.VodEmulator;
import io.vodflow.emulator.upload.UploadRequest;
import io.vodflow.emulator.upload.UploadResult;
import io.vodflow.contract.testing.FixtureFiles;
import io.vodflow.emulator.upload.UploadedMedia;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field path of the contract's fixture bodies is present in what the factory builds. */
class CallbackShapeTest {

    private final VodEmulator vod = new VodEmulator(EmulatorSettings.of(TestSignatures.SECRET_ID,
            TestSignatures.SECRET_KEY).withRenditions(List.of(Rendition.HD_720P)));
    private final UploadedMedia media = ((UploadResult.Accepted) vod.upload(TestSignatures.sign(
            TestSignatures.oneTimeWithProcedure(System.currentTimeMillis() / 1000, 9)),
            UploadRequest.of("holiday-clip"))).media();
    private final Map<String, Function<UploadedMedia, byte[]>> builders = Map.of(
            "v3-new-file-upload", m -> vod.callbacks().newFileUpload(m),
            "v3-procedure-change-processing", m -> vod.callbacks().procedureProcessing(m, 40),
            "v3-procedure-finish", m -> vod.callbacks().procedureFinished(m),
            "v3-procedure-finish-transcode-failed", m -> vod.callbacks().procedureFailed(m),
            "v3-file-deleted", m -> vod.callbacks().fileDeleted(m.fileId(), new DeletedPart(DeletedPart.ORIGINAL_FILES, 0)),
            "v2-new-file-upload", m -> vod.callbacks().legacyNewFileUpload(m),
            "v2-procedure-finish", m -> vod.callbacks().legacyProcedureFinished(m));

    @ParameterizedTest
    @CsvSource({"v3-new-file-upload", "v3-procedure-change-processing", "v3-procedure-finish",
            "v3-procedure-finish-transcode-failed", "v3-file-deleted", "v2-new-file-upload", "v2-procedure-finish"})
    void builtBodyHasEveryFieldOfTheContractFixture(String fixture) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = mapper.readTree(FixtureFiles.bytes(fixture + ".json"));
        JsonNode built = mapper.readTree(builders.get(fixture).apply(media));

        assertThat(paths(built, "")).containsAll(paths(expected, ""));
    }

    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix + "/" + field.getKey();
                paths.add(path + ":" + field.getValue().getNodeType());
                paths.addAll(paths(field.getValue(), path));
            }
        } else if (node.isArray()) {
            node.forEach(element -> paths.addAll(paths(element, prefix + "[]")));
        }
        return paths;
    }
}
