package jsup.cli.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.DoctorCheck;
import jsup.healthmon.doctor.StaleLockCheck;
import jsup.supervisor.prestart.StaleLocks;

/**
 * healthmon's {@link StaleLockCheck} for one app's {@code clear_stale_locks} globs, judged by the
 * supervisor's {@link StaleLocks} rules (the ones pre_start applies), with each stale file's reason.
 */
final class AppLockCheck implements DoctorCheck {

    private final String app;
    private final List<String> globs;
    private final StaleLocks locks;

    AppLockCheck(String app, List<String> globs, StaleLocks locks) {
        this.app = app;
        this.globs = List.copyOf(globs);
        this.locks = locks;
    }

    @Override
    public CheckResult run() {
        String name = "stale locks (" + app + ")";
        Map<Path, String> reasons = new TreeMap<>();
        CheckResult found;
        try {
            found = new StaleLockCheck(globs, lock -> {
                Optional<String> why = locks.staleReason(lock);
                why.ifPresent(reason -> reasons.put(lock, reason));
                return why.isPresent();
            }).run();
        } catch (IllegalArgumentException e) {
            // A glob the path matcher refuses (PatternSyntaxException is one).
            return CheckResult.fail(name, "cannot expand " + globs + ": " + e.getMessage(),
                    "fix the app's clear_stale_locks glob; use *, ? and ** (e.g. ~/.moltbot/*.lock)");
        }
        if (found.ok()) {
            return CheckResult.pass(name, found.detail());
        }
        List<String> stale = new ArrayList<>();
        reasons.forEach((lock, reason) -> stale.add(lock + " (" + reason + ")"));
        return CheckResult.fail(name, stale.size() + " stale: " + String.join(", ", stale), found.fix());
    }
}
