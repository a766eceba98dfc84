package jsup.cli.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.DependencyCondition;

/**
 * {@code jsup export compose}: one {@code compose.yaml} in the Compose specification, a service per app. Probes
 * become a {@code healthcheck}, {@code depends_on} keeps its condition ({@code service_healthy},
 * {@code service_started}, {@code service_completed_successfully}), {@code pre_start} becomes a one-shot
 * {@code NAME-prestart} service the app waits for. Every {@code $} is written {@code $$} (Compose interpolates);
 * secret-looking env keys become {@code ${KEY}}, read from the shell or a {@code .env} file, unless
 * {@code --include-secrets}.
 */
public final class ComposeExport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ExportSettings settings;
    private final String image;

    /** @param image every app's image, or null for the placeholder {@code REPLACE_ME/NAME:latest} */
    public ComposeExport(ExportSettings settings, String image) {
        this.settings = settings;
        this.image = image;
    }

    public Export export(List<AppSpec> apps) {
        MappingReport report = new MappingReport("compose");
        ObjectNode root = NODES.objectNode();
        ObjectNode services = root.putObject("services");
        boolean secrets = false;
        for (AppSpec app : apps) {
            secrets |= service(app, apps, services, report);
        }
        String text = "# Exported by `jsup export compose` from " + settings.file() + "; see docs/containers.md.\n"
                + YamlText.document(root);
        return new Export(List.of(new ExportedFile("compose.yaml", text, secrets)), report);
    }

    /** Compose's name for an app's service (DNS-safe, as in Kubernetes). */
    static String serviceName(String appName) {
        return KubernetesExport.dnsName(appName);
    }

    private boolean service(AppSpec app, List<AppSpec> apps, ObjectNode services, MappingReport report) {
        String n = app.name();
        String name = serviceName(n);
        String appImage = image != null ? image : "REPLACE_ME/" + name + ":latest";
        if (image == null) {
            report.approximated(n, "image", appImage, "a placeholder; pass --image");
        }
        ObjectNode s = services.putObject(name);
        s.put("image", appImage);
        ArrayNode command = s.putArray("command");
        app.command().forEach(w -> command.add(dollars(w)));
        s.put("working_dir", dollars(app.cwd().toString()));
        report.approximated(n, "script/args/interpreter", "command", "paths are this host's; the image must hold "
                + "them at the same place");

        boolean secretValues = env(app, s, report);
        if (app.autorestart()) {
            s.put("restart", "always");
            report.mapped(n, "autorestart", "restart: always");
            if (!app.stopExitCodes().isEmpty()) {
                report.notMapped(n, "stop_exit_codes", "Compose restarts after every exit with restart: always");
            }
        } else {
            s.put("restart", "no");
            report.mapped(n, "autorestart", "restart: \"no\"");
        }
        report.notMapped(n, "max_restarts/min_uptime", "the engine never gives up on restart: always");
        report.approximated(n, "restart_delay", "the engine's delay", "Docker doubles its own delay from 100 ms");
        if (app.maxMemoryRestart() > 0) {
            s.put("mem_limit", app.maxMemoryRestart());
            report.approximated(n, "max_memory_restart", "mem_limit: " + app.maxMemoryRestart(), "the kernel "
                    + "OOM-kills the container at the limit (no graceful stop); restart: brings it back");
        }
        s.put("stop_signal", "SIG" + app.killSignal());
        s.put("stop_grace_period", AppFacts.span(app.killTimeout()));
        report.mapped(n, "kill_signal", "stop_signal: SIG" + app.killSignal());
        report.mapped(n, "kill_timeout", "stop_grace_period: " + AppFacts.span(app.killTimeout()));

        Set<Integer> ports = AppFacts.ports(app);
        if (!ports.isEmpty()) {
            ArrayNode expose = s.putArray("expose");
            ports.forEach(p -> expose.add(String.valueOf(p)));
            report.approximated(n, "ports (from health probes)", "expose: " + ports, "reachable by the other "
                    + "services; add ports: to publish on the host");
        }
        healthcheck(app, s, report);
        dependsOn(app, apps, s, report);
        int replicas = settings.instances().applyAsInt(app);
        if (replicas > 1) {
            s.putObject("deploy").put("replicas", replicas);
        }
        report.mapped(n, "instances", "deploy.replicas: " + replicas);
        if (!app.preStart().isEmpty()) {
            String pre = name + "-prestart";
            ObjectNode p = NODES.objectNode();
            p.put("image", appImage);
            ArrayNode cmd = p.putArray("command");
            settings.jsup().forEach(w -> cmd.add(dollars(w)));
            cmd.add(dollars("prestart")).add(dollars(n)).add(dollars(settings.file().toString()));
            p.put("working_dir", dollars(app.cwd().toString()));
            p.put("restart", "no");
            services.set(pre, p);
            ObjectNode deps = s.has("depends_on") ? (ObjectNode) s.get("depends_on") : s.putObject("depends_on");
            deps.putObject(pre).put("condition", "service_completed_successfully");
            report.approximated(n, "pre_start", "service " + pre + " (jsup prestart " + n + ")", "runs once "
                    + "before the app's first start, not before each restart; the image needs jsup and the file");
        }
        if (app.cronRestart() != null) {
            report.notMapped(n, "cron_restart", "Compose has no schedule; run docker compose restart from cron");
        }
        if (!app.autostart()) {
            report.notMapped(n, "autostart", "every service starts with docker compose up");
        }
        if (app.readiness().healthReady()) {
            report.approximated(n, "health.ready", "service_healthy of dependents", "the healthcheck gates them");
        }
        AppFacts.hostOnlyKeys(app, report, "Compose", "docker compose logs", "use the engine's events");
        return secretValues;
    }

    private boolean env(AppSpec app, ObjectNode s, MappingReport report) {
        String n = app.name();
        Map<String, String> plain = AppFacts.plainEnv(app);
        Map<String, String> secrets = AppFacts.secretEnv(app, settings.includeSecrets());
        if (plain.isEmpty() && secrets.isEmpty()) {
            return false;
        }
        ObjectNode env = s.putObject("environment");
        plain.forEach((k, v) -> env.put(k, dollars(v)));
        if (settings.includeSecrets()) {
            secrets.forEach((k, v) -> env.put(k, dollars(v)));
        } else {
            secrets.keySet().forEach(k -> env.put(k, "${" + k + "}"));
        }
        if (!plain.isEmpty()) {
            report.mapped(n, "env", "environment: " + AppFacts.keys(plain) + " ($ written as $$)");
        }
        if (!secrets.isEmpty()) {
            if (settings.includeSecrets()) {
                report.mapped(n, "env (secrets)", "environment: " + AppFacts.keys(secrets));
            } else {
                report.approximated(n, "env (secrets)", "environment: ${KEY}", AppFacts.keys(secrets)
                        + " come from the shell or a .env file beside compose.yaml (or export with --include-secrets)");
            }
        }
        return settings.includeSecrets() && !secrets.isEmpty();
    }

    private void healthcheck(AppSpec app, ObjectNode s, MappingReport report) {
        HealthSpec h = app.health();
        if (h == null || h.probes().isEmpty()) {
            return;
        }
        String n = app.name();
        ObjectNode hc = s.putObject("healthcheck");
        ArrayNode test = hc.putArray("test").add("CMD");
        String to;
        if (h.probes().size() == 1 && h.probes().get(0) instanceof ProbeSpec.Exec exec) {
            exec.command().forEach(w -> test.add(dollars(w)));
            to = "healthcheck: CMD " + String.join(" ", exec.command());
        } else {
            settings.jsup().forEach(w -> test.add(dollars(w)));
            test.add("probe").add(dollars(n)).add(dollars(settings.file().toString()));
            to = "healthcheck: CMD jsup probe " + n;
        }
        hc.put("interval", AppFacts.span(h.interval()));
        hc.put("timeout", AppFacts.span(h.timeout().multipliedBy(h.probes().size())));
        hc.put("retries", h.failures());
        hc.put("start_period", AppFacts.span(h.initialDelay()));
        report.approximated(n, "health", to, "the engine marks the container unhealthy, it does not restart it "
                + "(service_healthy and orchestrators read it)" + (to.contains("jsup probe")
                ? "; the image needs jsup and the file" : ""));
        report.notMapped(n, "health.inotify_warn", "a warning inside jsupd");
    }

    private void dependsOn(AppSpec app, List<AppSpec> apps, ObjectNode s, MappingReport report) {
        if (app.dependsOn().isEmpty()) {
            return;
        }
        String n = app.name();
        ObjectNode deps = s.putObject("depends_on");
        for (Map.Entry<String, DependencyCondition> dep : app.dependsOn().entrySet()) {
            AppSpec other = apps.stream().filter(a -> a.name().equals(dep.getKey())).findFirst().orElse(null);
            String key = "depends_on." + dep.getKey();
            String condition = switch (dep.getValue()) {
                case STARTED -> "service_started";
                case HEALTHY -> other != null && other.health() != null ? "service_healthy" : "service_started";
                case COMPLETED_SUCCESSFULLY -> "service_completed_successfully";
            };
            deps.putObject(serviceName(dep.getKey())).put("condition", condition);
            if (dep.getValue() == DependencyCondition.HEALTHY && condition.equals("service_started")) {
                report.approximated(n, key, "condition: service_started", dep.getKey() + " has no health "
                        + "probes, so no healthcheck to wait for");
            } else {
                report.mapped(n, key, "condition: " + condition);
            }
        }
    }

    /** Compose interpolates {@code $}: a literal one is {@code $$}. */
    static String dollars(String text) {
        return text.replace("$", "$$");
    }
}
