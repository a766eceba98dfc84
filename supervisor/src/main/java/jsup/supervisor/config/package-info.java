/**
 * The ecosystem file: reads PM2-compatible JSON (in PM2's dialect), YAML or an {@code ecosystem.config.js} into
 * validated {@link jsup.supervisor.config.AppSpec}s
 * with every default filled in and every path absolute, and writes an {@code AppSpec} back as ecosystem JSON
 * ({@link jsup.supervisor.config.AppSpecJson}).
 *
 * <p>Entry point: {@link jsup.supervisor.config.EcosystemLoader}. A bad file is refused whole with every
 * problem listed ({@link jsup.supervisor.config.ConfigException}); unknown and ignored keys become warnings.
 *
 * <p>This package reads files (the ecosystem file, its {@code env_file}s) and checks that paths exist. The one
 * process it starts is {@code node}, to evaluate a JavaScript ecosystem file
 * ({@code JsEcosystemEvaluator}), bounded by a timeout; it never supervises, signals or
 * watches an app. It depends on Jackson and on {@code jsup.healthmon}'s
 * value records ({@code HealthSpec}, {@code ProbeSpec}), nothing else in jsup.
 */
package jsup.supervisor.config;
