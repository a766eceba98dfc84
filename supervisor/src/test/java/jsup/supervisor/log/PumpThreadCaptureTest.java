package jsup.supervisor.log;

import jsup.supervisor.config.AppSpec;

/** Every capture test again on the fallback path: a {@link PipePump} thread per pipe. */
class PumpThreadCaptureTest extends AppLogCaptureTest {

    @Override
    AppLog open(AppSpec spec) {
        return AppLog.openWithPumpThreads(spec);
    }

    @Override
    boolean pumpThreads() {
        return true;
    }
}
