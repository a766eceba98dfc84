package jsup.supervisor.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A throwaway machine for loader tests: a project folder with scripts, a HOME, a jsup home, and a PATH folder
 * holding stand-ins for node, python3 and bash (the loader only checks that they exist and are executable, so
 * tests do not depend on what the host has installed).
 */
final class ConfigFixture {

    final Path root;
    final Path project;
    final Path home;
    final Path jsupHome;
    final Path bin;
    final Map<String, String> environment;

    ConfigFixture(Path root) {
        this.root = root;
        this.project = mkdirs(root.resolve("project"));
        this.home = mkdirs(root.resolve("home"));
        this.jsupHome = home.resolve(".jsup");
        this.bin = mkdirs(root.resolve("bin"));
        this.environment = Map.of("HOME", home.toString(), "PATH", bin.toString());
        for (String tool : new String[] {"node", "python3", "bash", "sleep"}) {
            executable(bin.resolve(tool), "#!/bin/sh\nexit 0\n");
        }
        file(project.resolve("app.js"), "console.log('hi')\n");
        file(project.resolve("worker.py"), "print('hi')\n");
        file(project.resolve("ticker.sh"), "echo tick\n");
        executable(project.resolve("server"), "#!/bin/sh\nexit 0\n");
    }

    EcosystemLoader loader() {
        return new EcosystemLoader(jsupHome, environment);
    }

    /** {@code jsup start ticker.sh}: an app with every default. */
    AppSpec tickerApp() {
        try {
            return loader().forScript(Path.of("ticker.sh"), null, java.util.List.of(), project);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an ecosystem file into the project folder and returns its path. */
    Path ecosystem(String fileName, String content) {
        return file(project.resolve(fileName), content);
    }

    /** Copies {@code src/test/resources/config/<name>} into the project folder. */
    Path resource(String name) {
        try (InputStream in = ConfigFixture.class.getResourceAsStream("/config/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource config/" + name);
            }
            Path target = project.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(Path path, String content) {
        try {
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path executable(Path path, String content) {
        file(path, content);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    static Path mkdirs(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
