package jsup.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.export.KubernetesExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jsup export kubernetes}: a Deployment per app, a Service for its ports, a Secret for its secrets. */
@Command(name = "kubernetes", aliases = "k8s",
        description = "Write Kubernetes manifests, one NAME.yaml per app: a Deployment (replicas, command, env, "
            + "memory limit, liveness and readiness probes from the health block, grace period from kill_timeout, "
            + "initContainers for pre_start and for waiting on depends_on), a Service for the ports its probes "
            + "point at, a Secret for secret-looking env keys (placeholders unless --include-secrets). Apply with "
            + "'kubectl apply -f DIR'. The report on stderr lists what differs.")
final class ExportKubernetesCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    ExportOptions options;

    @Mixin
    ImageOption image;

    @Option(names = "--namespace", paramLabel = "NS", description = "metadata.namespace of every manifest.")
    String namespace;

    ExportKubernetesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (namespace != null && !namespace.equals(KubernetesExport.dnsName(namespace))) {
            throw new ExitException(ExitCode.USAGE, "jsup: --namespace " + namespace + " is not a DNS label; use "
                    + "lower-case letters, digits and '-', e.g. " + KubernetesExport.dnsName(namespace));
        }
        ExportOptions.Loaded loaded = options.load(ctx, List.of("jsup"));
        options.write(ctx, new KubernetesExport(loaded.settings(), image.image, namespace).export(loaded.apps()), n -> "");
        return ExitCode.OK;
    }
}
