package jsup.cli.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.DependencyCondition;

/**
 * {@code jsup export kubernetes}: per app a file {@code NAME.yaml} with a Deployment, a Service when the app
 * serves a port (the ports its probes point at), and a Secret for secret-looking env keys (placeholders unless
 * {@code --include-secrets}). Kubernetes has no start order, so {@code depends_on} becomes an initContainer that
 * waits for the dependency's Service port; {@code pre_start} becomes an initContainer running
 * {@code jsup prestart} in the app's image.
 */
public final class KubernetesExport {

    /** The image of the initContainers that wait for a dependency's port ({@code nc -z}). */
    static final String WAIT_IMAGE = "busybox:1.36";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ExportSettings settings;
    private final String image;
    private final String namespace;

    /**
     * @param image     the container image of every app, or null for the placeholder {@code REPLACE_ME/NAME:latest}
     * @param namespace {@code metadata.namespace}, or null to leave it to kubectl
     */
    public KubernetesExport(ExportSettings settings, String image, String namespace) {
        this.settings = settings;
        this.image = image;
        this.namespace = namespace;
    }

    /**
     * A DNS-1123 label for an app name: lower case, letters, digits and {@code -}, at most 63 characters,
     * e.g. {@code My_App} becomes {@code my-app}.
     */
    public static String dnsName(String appName) {
        String s = appName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "app" : s;
    }

    public Export export(List<AppSpec> apps) {
        MappingReport report = new MappingReport("kubernetes");
        List<ExportedFile> files = new ArrayList<>();
        for (AppSpec app : apps) {
            files.add(appFile(app, apps, report));
        }
        return new Export(files, report);
    }

    private ExportedFile appFile(AppSpec app, List<AppSpec> apps, MappingReport report) {
        String n = app.name();
        String name = dnsName(n);
        StringBuilder text = new StringBuilder("# App " + n + ", exported by `jsup export kubernetes` from "
                + settings.file() + "; see docs/containers.md.\n");
        String appImage = image != null ? image : "REPLACE_ME/" + name + ":latest";
        if (image == null) {
            report.approximated(n, "image", appImage, "a placeholder; pass --image");
        }

        ObjectNode container = NODES.objectNode();
        container.put("name", name);
        container.put("image", appImage);
        List<String> cmd = app.command();
        container.putArray("command").add(cmd.get(0));
        if (cmd.size() > 1) {
            ArrayNode args = container.putArray("args");
            cmd.subList(1, cmd.size()).forEach(args::add);
        }
        container.put("workingDir", app.cwd().toString());
        report.approximated(n, "script/args/interpreter", "command/args", "paths are this host's; the image "
                + "must hold them at the same place");
        report.approximated(n, "cwd", "workingDir=" + app.cwd(), "the image must have this folder");

        boolean secretFile = env(app, container, name, report);
        Set<Integer> ports = AppFacts.ports(app);
        if (!ports.isEmpty()) {
            ArrayNode list = container.putArray("ports");
            ports.forEach(p -> list.addObject().put("containerPort", p).put("protocol", "TCP"));
        }
        if (app.maxMemoryRestart() > 0) {
            container.putObject("resources").putObject("limits").put("memory",
                    String.valueOf(app.maxMemoryRestart()));
            report.approximated(n, "max_memory_restart", "resources.limits.memory=" + app.maxMemoryRestart(),
                    "the kernel OOM-kills the container at the limit (no graceful stop); the limit counts the "
                    + "container's page cache too");
        }
        probes(app, container, report);

        ObjectNode podSpec = NODES.objectNode();
        ArrayNode init = initContainers(app, apps, appImage, report);
        if (!init.isEmpty()) {
            podSpec.set("initContainers", init);
        }
        podSpec.putArray("containers").add(container);
        podSpec.put("terminationGracePeriodSeconds", AppFacts.seconds(app.killTimeout()));
        report.mapped(n, "kill_timeout", "terminationGracePeriodSeconds=" + AppFacts.seconds(app.killTimeout()));
        if (app.killSignal().equals("TERM")) {
            report.mapped(n, "kill_signal", "SIGTERM (what the kubelet sends)");
        } else {
            // Kubernetes 1.33+ (feature gate ContainerStopSignals) reads lifecycle.stopSignal; it needs spec.os.name.
            container.putObject("lifecycle").put("stopSignal", "SIG" + app.killSignal());
            podSpec.putObject("os").put("name", "linux");
            report.approximated(n, "kill_signal", "lifecycle.stopSignal=SIG" + app.killSignal() + ", os.name=linux",
                    "needs Kubernetes 1.33+ with the ContainerStopSignals feature gate; elsewhere the kubelet sends "
                    + "the image's STOPSIGNAL: build the image with STOPSIGNAL SIG" + app.killSignal());
        }

        int replicas = settings.instances().applyAsInt(app);
        ObjectNode deployment = manifest("apps/v1", "Deployment", name, n);
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", replicas);
        spec.putObject("selector").set("matchLabels", labels(n));
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", labels(n));
        template.set("spec", podSpec);
        report.mapped(n, "instances", "replicas=" + replicas);
        text.append(YamlText.document(deployment));

        if (!ports.isEmpty()) {
            ObjectNode service = manifest("v1", "Service", name, n);
            ObjectNode s = service.putObject("spec");
            s.set("selector", labels(n));
            ArrayNode list = s.putArray("ports");
            ports.forEach(p -> list.addObject().put("name", "tcp-" + p).put("port", p).put("targetPort", p)
                    .put("protocol", "TCP"));
            text.append(YamlText.document(service));
            report.mapped(n, "ports (from health probes)", "Service " + name + " ports " + ports);
        }
        Map<String, String> secrets = AppFacts.secretEnv(app, settings.includeSecrets());
        if (!secrets.isEmpty()) {
            ObjectNode secret = manifest("v1", "Secret", name + "-secrets", n);
            secret.put("type", "Opaque");
            ObjectNode data = secret.putObject("stringData");
            secrets.forEach(data::put);
            text.append(YamlText.document(secret));
        }
        restartKeys(app, report);
        return new ExportedFile(name + ".yaml", text.toString(), secretFile);
    }

    /** env: plain keys as values, secret-looking ones from the Secret; whether real secret values were written. */
    private boolean env(AppSpec app, ObjectNode container, String name, MappingReport report) {
        String n = app.name();
        Map<String, String> plain = AppFacts.plainEnv(app);
        Map<String, String> secrets = AppFacts.secretEnv(app, settings.includeSecrets());
        if (plain.isEmpty() && secrets.isEmpty()) {
            return false;
        }
        ArrayNode env = container.putArray("env");
        plain.forEach((k, v) -> env.addObject().put("name", k).put("value", v));
        secrets.keySet().forEach(k -> env.addObject().put("name", k).putObject("valueFrom")
                .putObject("secretKeyRef").put("name", name + "-secrets").put("key", k));
        if (!plain.isEmpty()) {
            report.mapped(n, "env", "env: " + AppFacts.keys(plain));
        }
        if (!secrets.isEmpty()) {
            if (settings.includeSecrets()) {
                report.mapped(n, "env (secrets)", "Secret " + name + "-secrets: " + AppFacts.keys(secrets));
            } else {
                report.approximated(n, "env (secrets)", "Secret " + name + "-secrets", "values of "
                        + AppFacts.keys(secrets) + " are " + AppFacts.PLACEHOLDER + "; fill them in, or export with "
                        + "--include-secrets");
            }
        }
        return settings.includeSecrets() && !secrets.isEmpty();
    }

    private void probes(AppSpec app, ObjectNode container, MappingReport report) {
        HealthSpec h = app.health();
        String n = app.name();
        if (h == null || h.probes().isEmpty()) {
            return;
        }
        ProbeSpec first = h.probes().get(0);
        ObjectNode probe = NODES.objectNode();
        String why = null;
        if (first instanceof ProbeSpec.Tcp tcp) {
            probe.putObject("tcpSocket").put("port", tcp.port());
            why = "the kubelet connects to the pod's IP, not " + tcp.host() + ": the app must listen on it";
        } else if (first instanceof ProbeSpec.Http http) {
            ObjectNode get = probe.putObject("httpGet");
            String path = http.url().getRawPath() == null || http.url().getRawPath().isEmpty() ? "/"
                    : http.url().getRawPath();
            get.put("path", http.url().getRawQuery() == null ? path : path + "?" + http.url().getRawQuery());
            get.put("port", AppFacts.httpPort(http));
            get.put("scheme", http.url().getScheme().toUpperCase(Locale.ROOT));
            List<String> differences = new ArrayList<>();
            if (!http.statuses().isEmpty()) {
                differences.add("the kubelet accepts any status 200-399, not only "
                        + http.statuses().stream().sorted().toList());
            }
            if (http.bodyContains() != null) {
                differences.add("it does not read the body");
            }
            differences.add("it connects to the pod's IP, not " + http.url().getHost() + ": the app must listen on it");
            why = String.join("; ", differences);
        } else if (first instanceof ProbeSpec.Exec exec) {
            ArrayNode cmd = probe.putObject("exec").putArray("command");
            exec.command().forEach(cmd::add);
        }
        probe.put("initialDelaySeconds", AppFacts.seconds(h.initialDelay()));
        probe.put("periodSeconds", Math.max(1, AppFacts.seconds(h.interval())));
        probe.put("timeoutSeconds", Math.max(1, AppFacts.seconds(h.timeout())));
        probe.put("failureThreshold", h.failures());
        boolean restart = h.action() == HealthAction.RESTART;
        if (restart) {
            container.set("livenessProbe", probe.deepCopy());
        }
        container.set("readinessProbe", probe);
        String to = (restart ? "livenessProbe and readinessProbe" : "readinessProbe") + ": " + first.describe();
        String key = "health." + first.describe().split(" ")[0];
        if (why == null) {
            report.mapped(n, key, to);
        } else {
            report.approximated(n, key, to, why);
        }
        for (ProbeSpec other : h.probes().subList(1, h.probes().size())) {
            report.notMapped(n, "health." + other.describe().split(" ")[0], other.describe()
                    + ": a Kubernetes probe has one check; the first probe was used");
        }
        if (!restart) {
            report.mapped(n, "health.action", "log: readinessProbe only (no restart)");
        }
        report.notMapped(n, "health.inotify_warn", "a warning inside jsupd; the node's limits are not the pod's");
    }

    private ArrayNode initContainers(AppSpec app, List<AppSpec> apps, String appImage, MappingReport report) {
        String n = app.name();
        ArrayNode init = NODES.arrayNode();
        for (Map.Entry<String, DependencyCondition> dep : app.dependsOn().entrySet()) {
            String key = "depends_on." + dep.getKey();
            AppSpec other = apps.stream().filter(a -> a.name().equals(dep.getKey())).findFirst().orElse(null);
            Set<Integer> ports = other == null ? Set.of() : AppFacts.ports(other);
            if (dep.getValue() == DependencyCondition.COMPLETED_SUCCESSFULLY) {
                report.notMapped(n, key, "Kubernetes has no start order; run the dependency as a Job, or as an "
                        + "initContainer of this app");
                continue;
            }
            if (ports.isEmpty()) {
                report.notMapped(n, key, "Kubernetes has no start order, and " + dep.getKey() + " serves no port "
                        + "(no tcp or http probe) to wait for");
                continue;
            }
            String host = dnsName(dep.getKey());
            int port = ports.iterator().next();
            ObjectNode c = init.addObject();
            c.put("name", "wait-for-" + host);
            c.put("image", WAIT_IMAGE);
            c.putArray("command").add("sh").add("-c").add("until nc -z " + host + " " + port + "; do echo waiting "
                    + "for " + host + ":" + port + "; sleep 2; done");
            report.approximated(n, key, "initContainer wait-for-" + host, "waits until Service " + host + ":" + port
                    + " accepts connections, once per pod start (Kubernetes has no start order)");
        }
        if (!app.preStart().isEmpty()) {
            ObjectNode c = init.addObject();
            c.put("name", "prestart");
            c.put("image", appImage);
            ArrayNode cmd = c.putArray("command");
            settings.jsup().forEach(cmd::add);
            cmd.add("prestart").add(n).add(settings.file().toString());
            c.put("workingDir", app.cwd().toString());
            report.approximated(n, "pre_start", "initContainer prestart: jsup prestart " + n, "runs once per pod "
                    + "start, not before a restart of the container; the image needs jsup and the file");
        }
        return init;
    }

    private void restartKeys(AppSpec app, MappingReport report) {
        String n = app.name();
        if (app.autorestart()) {
            report.mapped(n, "autorestart", "restartPolicy: Always (a Deployment's only policy)");
        } else {
            report.notMapped(n, "autorestart", "a Deployment always restarts; run the app as a Job instead");
        }
        report.notMapped(n, "max_restarts/min_uptime", "the kubelet never gives up; it backs off (CrashLoopBackOff)");
        report.approximated(n, "restart_delay", "CrashLoopBackOff", "the kubelet's own delay: 10 s doubling to 5 min");
        if (!app.stopExitCodes().isEmpty()) {
            report.notMapped(n, "stop_exit_codes", "a Deployment restarts after every exit");
        }
        if (app.cronRestart() != null) {
            report.notMapped(n, "cron_restart", "a CronJob running kubectl rollout restart needs RBAC; not generated");
        }
        if (!app.autostart()) {
            report.notMapped(n, "autostart", "a Deployment runs; scale it to 0 to keep it stopped");
        }
        if (app.readiness().healthReady()) {
            report.approximated(n, "health.ready", "readinessProbe", "the pod is ready once the probe passes");
        }
        AppFacts.hostOnlyKeys(app, report, "Kubernetes", "kubectl logs", "use the cluster's alerting");
    }

    private ObjectNode manifest(String apiVersion, String kind, String name, String appName) {
        ObjectNode m = NODES.objectNode();
        m.put("apiVersion", apiVersion);
        m.put("kind", kind);
        ObjectNode meta = m.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        ObjectNode labels = labels(appName);
        labels.put("app.kubernetes.io/managed-by", "jsup-export");
        meta.set("labels", labels);
        return m;
    }

    private static ObjectNode labels(String appName) {
        ObjectNode labels = NODES.objectNode();
        labels.put("app.kubernetes.io/name", dnsName(appName));
        return labels;
    }
}
