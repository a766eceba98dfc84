/**
 * jsupd, the daemon: one per {@code $JSUP_HOME} ({@link jsup.supervisor.daemon.JsupHome}), started by
 * {@code jsup daemon} through {@link jsup.supervisor.daemon.Jsupd#run}.
 *
 * <p>What lives here: the home's lock and files ({@code jsupd.lock}, {@code jsupd.pid},
 * {@code jsupd.log}, {@code dump.json(.bak)}, {@code state.json}, {@code logs/healthmon.log}), the
 * answers to control commands, cleaning up after a predecessor that died, save/resurrect, and acting
 * on health results (healthmon reports, jsupd decides).
 *
 * <p>What it may touch: the engine only through {@link jsup.supervisor.Supervisor}'s public API and
 * {@link jsup.supervisor.process.ProcessTree}; config through {@link jsup.supervisor.config.EcosystemLoader}
 * and {@link jsup.supervisor.config.AppSpecJson}; the wire only through
 * {@link jsup.supervisor.control.ControlServer}. Its log lines go through
 * {@link jsup.supervisor.daemonlog.JsupdLog} to {@code jsupd.log}.
 */
package jsup.supervisor.daemon;
