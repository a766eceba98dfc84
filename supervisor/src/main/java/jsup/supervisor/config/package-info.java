/**
 * The ecosystem file: reads PM2-compatible JSON or YAML into validated {@link jsup.supervisor.config.AppSpec}s
 * with every default filled in and every path absolute, and writes an {@code AppSpec} back as ecosystem JSON
 * ({@link jsup.supervisor.config.AppSpecJson}).
 *
 * <p>Entry point: {@link jsup.supervisor.config.EcosystemLoader}. A bad file is refused whole with every
 * problem listed ({@link jsup.supervisor.config.ConfigException}); unknown and ignored keys become warnings.
 *
 * <p>This package only reads files (the ecosystem file, its {@code env_file}s) and checks that paths exist.
 * It never starts, signals or watches a process. It depends on Jackson and on {@code jsup.healthmon}'s
 * value records ({@code HealthSpec}, {@code ProbeSpec}), nothing else in jsup.
 */
package jsup.supervisor.config;
