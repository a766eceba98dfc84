package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.TestApps;
import jsup.supervisor.process.Child;
import jsup.supervisor.process.ChildLauncher;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.process.TreeSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting an app tells the launcher, so nothing kept to launch it again outlives it. */
class EngineForgetTest {

    @TempDir
    Path dir;

    @Test
    void deletingAnAppMakesTheLauncherForgetIt() {
        List<String> forgotten = new ArrayList<>();
        ChildLauncher launcher = new ChildLauncher() {
            @Override
            public Child launch(AppSpec spec, ChildOutput output) {
                throw new UnsupportedOperationException("not launched here");
            }

            @Override
            public void forget(String name) {
                forgotten.add(name);
            }
        };
        EngineContext ctx = new EngineContext(SupervisorListener.NONE, Clock.systemUTC(), System::nanoTime,
                Runnable::run, Runnable::run, launcher, PreStartHook.NONE, FileRedirectOutput::new);
        Engine engine = new Engine(ctx, new TreeSampler(ProcFs.SYSTEM));
        ManagedApp kept = engine.add(TestApps.app("kept", dir).script("/bin/true").build());
        ManagedApp deleted = engine.add(TestApps.app("deleted", dir).script("/bin/true").build());

        engine.forget(deleted);
        engine.forget(deleted); // a second delete of the same app is not a second forget

        assertThat(forgotten).containsExactly("deleted");
        assertThat(engine.has("kept")).isTrue();
        assertThat(kept.name()).isEqualTo("kept");
        engine.close();
    }
}
