/**
 * {@code jsup startup} / {@code jsup unstartup}: the systemd unit that runs {@code jsup daemon} in the
 * foreground at boot, where it goes (system unit for a user when root, user unit otherwise), and the
 * {@code systemctl} steps that enable it. Renders text and runs {@code systemctl}; touches no app.
 * Every path is under a root folder (normally {@code /}) so tests write into a temp folder.
 */
package jsup.cli.startup;
