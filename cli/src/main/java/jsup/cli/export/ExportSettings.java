package jsup.cli.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import jsup.supervisor.config.AppSpec;

/**
 * What every export needs besides the apps.
 *
 * @param file           the ecosystem file (absolute): {@code jsup prestart} and {@code jsup probe} read it again
 * @param jsupHome       the $JSUP_HOME the apps were loaded for (its {@code logs/} holds the default log files)
 * @param jsup           the argv that runs jsup where the export runs, e.g. {@code [/opt/jsup/bin/jsup]}
 * @param includeSecrets write secret-looking env values as they are, instead of placeholders
 * @param instances      each app's instance count ({@link AppInstances#count})
 * @param environment    supplies PATH, to make bare commands absolute
 */
public record ExportSettings(Path file, Path jsupHome, List<String> jsup, boolean includeSecrets,
                             ToIntFunction<AppSpec> instances, Map<String, String> environment) {

    public ExportSettings {
        jsup = List.copyOf(jsup);
        environment = Map.copyOf(environment);
    }
}
