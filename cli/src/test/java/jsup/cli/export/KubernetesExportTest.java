package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesExportTest {

    @TempDir
    Path tmp;

    private ExportFixture fx;

    @BeforeEach
    void fixture() throws Exception {
        fx = new ExportFixture(tmp);
    }

    private Map<String, HasMetadata> parse(Export export) throws Exception {
        List<HasMetadata> all = new ArrayList<>();
        for (ExportedFile f : export.files()) {
            all.addAll(StrictKubernetes.parse(f.content()));
        }
        return all.stream().collect(Collectors.toMap(r -> r.getKind() + "/" + r.getMetadata().getName(), r -> r));
    }

    @Test
    void everyManifestParsesStrictlyAsItsKubernetesType() throws Exception {
        Export export = new KubernetesExport(fx.settings(false, a -> a.name().equals("web") ? 3 : 1), "img:1", "bots")
                .export(fx.eco.apps());
        Map<String, HasMetadata> manifests = parse(export);

        assertThat(manifests).containsOnlyKeys("Deployment/db", "Service/db", "Deployment/migrate",
                "Deployment/web", "Service/web", "Secret/web-secrets", "Deployment/my-app-v2");
        assertThat(export.files()).extracting(ExportedFile::name)
                .containsExactly("db.yaml", "migrate.yaml", "web.yaml", "my-app-v2.yaml");

        Deployment web = (Deployment) manifests.get("Deployment/web");
        assertThat(web.getMetadata().getNamespace()).isEqualTo("bots");
        assertThat(web.getSpec().getReplicas()).isEqualTo(3);
        var pod = web.getSpec().getTemplate().getSpec();
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(3L);
        Container c = pod.getContainers().get(0);
        assertThat(c.getImage()).isEqualTo("img:1");
        assertThat(c.getCommand()).containsExactly(fx.dir.resolve("bin dir").resolve(ExportFixture.ODD_SCRIPT).toString());
        assertThat(c.getArgs()).containsExactly("--greeting", ExportFixture.ODD_ARG, "tab\there", ";");
        assertThat(c.getResources().getLimits().get("memory").getNumericalAmount()).isEqualByComparingTo("314572800");
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("API_TOKEN");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("web-secrets");
        });
        Probe live = c.getLivenessProbe();
        assertThat(live.getHttpGet().getPath()).isEqualTo("/healthz?full=1");
        assertThat(live.getHttpGet().getPort().getIntVal()).isEqualTo(8080);
        assertThat(live.getPeriodSeconds()).isEqualTo(10);
        assertThat(c.getReadinessProbe()).isEqualTo(live);
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("wait-for-db", "prestart");
        assertThat(pod.getInitContainers().get(0).getCommand()).last().asString().contains("nc -z db 5432");
        assertThat(((Secret) manifests.get("Secret/web-secrets")).getStringData())
                .containsEntry("API_TOKEN", AppFacts.PLACEHOLDER).containsEntry("DATABASE_URL", AppFacts.PLACEHOLDER);
        assertThat(((Service) manifests.get("Service/db")).getSpec().getPorts().get(0).getPort()).isEqualTo(5432);

        Deployment db = (Deployment) manifests.get("Deployment/db");
        Probe tcp = db.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe();
        assertThat(tcp.getTcpSocket().getPort().getIntVal()).isEqualTo(5432);
        assertThat(tcp.getFailureThreshold()).isEqualTo(3);
        // health action "log": readiness only, nothing that restarts.
        Container logOnly = ((Deployment) manifests.get("Deployment/my-app-v2")).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(logOnly.getLivenessProbe()).isNull();
        assertThat(logOnly.getReadinessProbe().getExec().getCommand()).containsExactly("/bin/true");

        assertThat(export.report().of("web", "depends_on.migrate")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.NOT_MAPPED);
        assertThat(c.getLifecycle().getStopSignal()).isEqualTo("SIGINT");
        assertThat(pod.getOs().getName()).isEqualTo("linux");
        assertThat(export.report().of("web", "kill_signal")).singleElement()
                .extracting(MappingReport.Entry::outcome).isEqualTo(MappingReport.Outcome.APPROXIMATED);
    }

    @Test
    void includeSecretsWritesTheValuesAndMarksTheFileSecret() throws Exception {
        Export export = new KubernetesExport(fx.settings(true, AppInstances::count), null, null).export(fx.eco.apps());
        Secret secret = (Secret) parse(export).get("Secret/web-secrets");

        assertThat(secret.getStringData()).containsEntry("API_TOKEN", "s3cret $1");
        assertThat(export.files()).filteredOn(ExportedFile::secret).extracting(ExportedFile::name)
                .containsExactly("web.yaml");
    }

    @Test
    void theStrictParseRejectsAFieldTheApiDoesNotHave() {
        String yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: 1\n"
                + "  template:\n    spec:\n      containers: [{name: x, image: i, stopSignal: SIGINT}]\n";
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml)).hasMessageContaining("stopSignal");
    }

    @Test
    void namesBecomeDnsLabels() {
        assertThat(KubernetesExport.dnsName("My_App v2")).isEqualTo("my-app-v2");
        assertThat(KubernetesExport.dnsName("--x--")).isEqualTo("x");
        assertThat(KubernetesExport.dnsName("a".repeat(70))).hasSize(63);
    }
}
