/**
 * The lean path for the short commands people and scripts run most ({@code list}/{@code ls}/
 * {@code status} [--json], {@code ping} [--json], and {@code version}, which needs no socket at all): one
 * request on jsupd's socket, answered without
 * building picocli or Jackson's ObjectMapper, which cost a fresh JVM most of its run time. It prints
 * exactly what the picocli commands print (same {@link jsup.cli.render.StatusTable}, same Jackson
 * pretty printer) and hands everything else (other options, help, no daemon yet, any error) to
 * {@link jsup.cli.JsupCli} untouched. Reads {@code $JSUP_HOME/jsup.sock} and writes the context's
 * output; nothing else.
 */
package jsup.cli.fast;
