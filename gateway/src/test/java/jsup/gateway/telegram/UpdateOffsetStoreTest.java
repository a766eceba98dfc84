package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateOffsetStoreTest {

    @TempDir
    Path stateDir;

    @Test
    void aMissingFileMeansNothingHandled() throws Exception {
        UpdateOffsetStore store = UpdateOffsetStore.open(stateDir);

        assertThat(store.lastUpdateId()).isZero();
        assertThat(store.isHandled(1)).isFalse();
        assertThat(Files.isDirectory(stateDir.resolve("telegram"))).isTrue();
    }

    @Test
    void writesUpstreamsFormatAndAReopenedStoreReadsIt() throws Exception {
        UpdateOffsetStore store = UpdateOffsetStore.open(stateDir);
        store.markHandled(41);
        store.markHandled(42);

        Path file = stateDir.resolve("telegram/update-offset.json");
        assertThat(Files.readString(file).strip()).isEqualTo("{\"version\":1,\"lastUpdateId\":42}");
        assertThat(Files.exists(file.resolveSibling("update-offset.json.tmp"))).isFalse();
        UpdateOffsetStore reopened = UpdateOffsetStore.open(stateDir);
        assertThat(reopened.lastUpdateId()).isEqualTo(42);
        assertThat(reopened.isHandled(42)).isTrue();
        assertThat(reopened.isHandled(43)).isFalse();
    }

    @Test
    void neverMovesBackwards() throws Exception {
        UpdateOffsetStore store = UpdateOffsetStore.open(stateDir);
        store.markHandled(50);
        store.markHandled(45);

        assertThat(UpdateOffsetStore.open(stateDir).lastUpdateId()).isEqualTo(50);
    }

    @Test
    void writesNothingAfterClose() throws Exception {
        UpdateOffsetStore store = UpdateOffsetStore.open(stateDir);
        store.markHandled(7);
        store.close();
        store.markHandled(8);

        assertThat(UpdateOffsetStore.open(stateDir).lastUpdateId()).isEqualTo(7);
    }

    @Test
    void anUnreadableFileIsReportedAndTreatedAsMissing() throws Exception {
        Path file = stateDir.resolve("telegram/update-offset.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":2,\"lastUpdateId\":9}");
        try (LogCapture logs = new LogCapture("jsup.gateway.telegram")) {
            assertThat(UpdateOffsetStore.open(stateDir).lastUpdateId()).isZero();
            Files.writeString(file, "not json");
            assertThat(UpdateOffsetStore.open(stateDir).lastUpdateId()).isZero();

            assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN Ignoring unreadable Telegram offset file " + file))
                    .hasSize(2);
        }
    }
}
