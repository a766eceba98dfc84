package jsup.supervisor.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.Supervisor;
import jsup.supervisor.process.ProcEnviron;
import jsup.supervisor.process.ProcSnapshot;

/**
 * Finds the processes a jsupd of this home started, by the mark every app process carries in its
 * environment: {@code JSUP_HOME=<home>} and {@code JSUP_APP=<name>} (descendants inherit it). This
 * is how jsupd finds what a dead predecessor left running when {@code state.json} is unreadable or
 * does not name them. Only processes of jsupd's own uid are read; a pid whose environment cannot
 * be read is skipped.
 */
final class MarkedProcesses {

    /** One marked process whose parent is not marked: the top of a leftover tree. */
    record Marked(String app, ProcessIdentity process) {
    }

    private MarkedProcesses() {
    }

    /** The tops of the marked trees now running, jsupd itself excluded. */
    static List<Marked> find(ProcFs procFs, JsupHome home) {
        String homeMark = home.dir().toString();
        long self = ProcessHandle.current().pid();
        Object uid = uid(procFs.root().resolve(Long.toString(self)));
        if (uid == null) {
            return List.of();
        }
        ProcSnapshot snapshot = ProcSnapshot.read(procFs); // unreadable: throws, never "no marked process"
        Map<Integer, String> appByPid = new HashMap<>();
        for (ProcInfo p : snapshot.all()) {
            if (p.pid() == self || !uid.equals(uid(procFs.root().resolve(Integer.toString(p.pid()))))) {
                continue;
            }
            ProcEnviron.of(procFs, p.pid())
                    .filter(env -> homeMark.equals(env.get(JsupHome.ENV_VAR)) && env.containsKey(Supervisor.APP_ENV_VAR))
                    .ifPresent(env -> appByPid.put(p.pid(), env.get(Supervisor.APP_ENV_VAR)));
        }
        List<Marked> tops = new ArrayList<>();
        for (ProcInfo p : snapshot.all()) {
            String app = appByPid.get(p.pid());
            if (app != null && !appByPid.containsKey(p.ppid())) {
                tops.add(new Marked(app, new ProcessIdentity(p.pid(), p.startTime())));
            }
        }
        return tops;
    }

    private static Object uid(Path procDir) {
        try {
            return Files.getAttribute(procDir, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
