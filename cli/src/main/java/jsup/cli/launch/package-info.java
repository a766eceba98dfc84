/**
 * How the CLI reaches jsupd: connect to {@code $JSUP_HOME/jsup.sock}, start a detached jsupd when none
 * answers, and how to run {@code jsup} itself again as a child (for the daemon and the systemd unit).
 * Starts only jsupd; never an app.
 */
package jsup.cli.launch;
