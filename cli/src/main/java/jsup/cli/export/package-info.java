/**
 * {@code jsup export systemd|kubernetes|compose}: turns a loaded ecosystem file into systemd units, Kubernetes
 * manifests or a Compose file, one class per target, and says key by key what was mapped, approximated or not
 * mapped ({@link jsup.cli.export.MappingReport}). Pure: each exporter returns file texts; the command writes them.
 */
package jsup.cli.export;
