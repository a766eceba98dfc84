/**
 * Plain value parsers with no engine behind them: sizes such as {@code 512K} or {@code 1G}. Shared by the
 * ecosystem config, the CLI and the gateway's own config, so that they read and print sizes alike. Uses
 * nothing of jsup.
 */
package jsup.supervisor.units;
