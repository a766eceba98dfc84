/**
 * The {@code jsup} command: {@link jsup.cli.Main}, the one {@link jsup.cli.JsupCli} factory that builds
 * the picocli command line (main and tests), the named {@link jsup.cli.ExitCode}s and the one
 * {@link jsup.cli.ExitException}. Talks to jsupd only through {@code jsup.supervisor.control}; hosts the
 * engine itself only for {@code jsup run} and {@code jsup daemon}.
 */
package jsup.cli;
