package jsup.cli.startup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;

/**
 * Writes or removes the unit, and when systemd runs ({@code <root>/run/systemd/system} exists)
 * enables/starts or disables it with {@code systemctl}, printing each step as it goes.
 */
public final class StartupInstaller {

    private final Path root;
    private final PrintWriter out;

    public StartupInstaller(Path root, PrintWriter out) {
        this.root = root;
        this.out = out;
    }

    /** Whether systemd is the running init (sd_booted's test), under this installer's root. */
    public boolean systemdRunning() {
        return Files.isDirectory(StartupPlan.under(root, Path.of("/run/systemd/system")));
    }

    /** Writes the unit file; then, when systemd runs, daemon-reload, enable and (re)start it. */
    public void install(StartupPlan plan) {
        Path file = plan.unitFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, plan.unit().render(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: cannot write the unit " + file + ": " + e.getMessage()
                    + "\nCheck the folder's permissions (a system unit needs root).");
        }
        out.println("[jsup] wrote " + file);
        if (!systemdRunning()) {
            out.println("[jsup] systemd is not running here (no /run/systemd/system), so nothing was enabled.");
            out.println("[jsup] On a host with systemd: " + String.join(" ", systemctl(plan, "enable", "--now",
                    plan.unitName())));
        } else {
            step(systemctl(plan, "daemon-reload"));
            step(systemctl(plan, "enable", plan.unitName()));
            step(systemctl(plan, "restart", plan.unitName()));
            out.println("[jsup] " + plan.unitName() + " is enabled and started; check it with: "
                    + String.join(" ", systemctl(plan, "status", plan.unitName())));
        }
        for (String note : plan.notes()) {
            out.println("[jsup] " + note);
        }
        out.flush();
    }

    /** Disables and stops the unit when systemd runs, removes its file, reloads systemd. */
    public void uninstall(StartupPlan plan) {
        Path file = plan.unitFile();
        if (!Files.exists(file)) {
            out.println("[jsup] no unit at " + file + "; nothing to remove.");
            out.flush();
            return;
        }
        boolean systemd = systemdRunning();
        if (systemd) {
            step(systemctl(plan, "disable", "--now", plan.unitName()));
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: cannot remove " + file + ": " + e.getMessage()
                    + "\nCheck the folder's permissions (a system unit needs root).");
        }
        out.println("[jsup] removed " + file);
        if (systemd) {
            step(systemctl(plan, "daemon-reload"));
        }
        out.flush();
    }

    private static List<String> systemctl(StartupPlan plan, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("systemctl");
        if (!plan.systemUnit()) {
            cmd.add("--user");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void step(List<String> command) {
        String shown = String.join(" ", command);
        out.println("[jsup] $ " + shown);
        out.flush();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ExitException(ExitCode.FAILURE, "jsup: '" + shown + "' did not finish within 60 s.");
            }
            if (!output.isEmpty()) {
                output.lines().forEach(l -> out.println("         " + l));
            }
            if (p.exitValue() != 0) {
                throw new ExitException(ExitCode.FAILURE, "jsup: '" + shown + "' failed with exit code "
                        + p.exitValue() + "; fix the cause above and run the command again.");
            }
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: cannot run '" + shown + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExitException(ExitCode.FAILURE, "jsup: interrupted during '" + shown + "'");
        }
    }
}
