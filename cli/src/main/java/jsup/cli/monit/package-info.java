/**
 * {@code jsup monit}: the full-screen terminal dashboard.
 *
 * <p>The data and the decisions are plain classes without a terminal: {@link jsup.cli.monit.AppRow}
 * (one app from the protocol's app object), {@link jsup.cli.monit.UsageRing} (the CPU/memory history
 * monit keeps while it is open), {@link jsup.cli.monit.MonitView} (selection, filter, mode and what a
 * key does), {@link jsup.cli.monit.MonitScreen} (the frame as lines for a given size) and
 * {@link jsup.cli.monit.Gauges} (bars and sparklines). The host figures come from
 * {@link jsup.healthmon.proc.HostUsageReader}. A web dashboard can reuse all of these: they take the
 * same app objects jsupd answers {@code list} with.
 *
 * <p>Only {@link jsup.cli.monit.MonitTerminal} touches JLine, and nothing here is loaded unless
 * {@code jsup monit} runs: {@code jsup list} and the other commands never load a class of this
 * package or of JLine.
 */
package jsup.cli.monit;
