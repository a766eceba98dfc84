/**
 * jsup's lifecycle engine, public side: {@link jsup.supervisor.Supervisor} (keeps apps running, stops
 * them completely), {@link jsup.supervisor.process.ProcessTree} (stops foreign process trees), and the
 * values it reports ({@link jsup.supervisor.AppStatus}, {@link jsup.supervisor.Transition},
 * {@link jsup.supervisor.RestartRecord}) through {@link jsup.supervisor.SupervisorListener}.
 *
 * <p>Implementation lives in {@code jsup.supervisor.internal}. This package may use config (AppSpec),
 * log (AppLog), process, prestart and {@code jsup.healthmon.proc}; it never reaches the daemon, control or cli.
 */
package jsup.supervisor;
