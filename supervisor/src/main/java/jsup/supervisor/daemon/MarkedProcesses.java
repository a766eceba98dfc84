package jsup.supervisor.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.Supervisor;

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
        String homeMark = JsupHome.ENV_VAR + "=" + home.dir();
        String appPrefix = Supervisor.APP_ENV_VAR + "=";
        long self = ProcessHandle.current().pid();
        Object uid = uid(procFs.root().resolve(Long.toString(self)));
        if (uid == null) {
            return List.of();
        }
        List<ProcInfo> marked = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        for (ProcInfo p : procFs.readSnapshot()) { // unreadable: throws, never "no marked process"
            if (p.pid() == self || p.isZombie()) {
                continue;
            }
            Path dir = procFs.root().resolve(Integer.toString(p.pid()));
            if (!uid.equals(uid(dir))) {
                continue;
            }
            String app = appOf(dir.resolve("environ"), homeMark, appPrefix);
            if (app != null) {
                marked.add(p);
                apps.add(app);
            }
        }
        Set<Integer> pids = new HashSet<>();
        marked.forEach(p -> pids.add(p.pid()));
        List<Marked> tops = new ArrayList<>();
        for (int i = 0; i < marked.size(); i++) {
            ProcInfo p = marked.get(i);
            if (!pids.contains(p.ppid())) {
                tops.add(new Marked(apps.get(i), new ProcessIdentity(p.pid(), p.startTime())));
            }
        }
        return tops;
    }

    /** The app named in {@code environ} when it carries this home's mark, else null. */
    private static String appOf(Path environ, String homeMark, String appPrefix) {
        String text;
        try {
            text = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
        } catch (java.nio.file.AccessDeniedException | SecurityException e) {
            return null; // not ours to read
        } catch (IOException e) {
            // Gone meanwhile; or ESRCH: a process without memory (a kernel thread, one exiting) has no environment.
            if (ProcFs.isGone(environ.getParent()) || (e instanceof java.nio.file.FileSystemException f
                    && "No such process".equals(f.getReason()))) {
                return null;
            }
            throw new ProcUnreadableException(environ.toString(), e); // EMFILE: unknown, not unmarked
        }
        boolean home = false;
        String app = null;
        for (String entry : text.split("\0")) {
            if (entry.equals(homeMark)) {
                home = true;
            } else if (entry.startsWith(appPrefix)) {
                app = entry.substring(appPrefix.length());
            }
        }
        return home && app != null ? app : null;
    }

    private static Object uid(Path procDir) {
        try {
            return Files.getAttribute(procDir, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
