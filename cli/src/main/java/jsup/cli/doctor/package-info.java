/**
 * {@code jsup doctor}: which checks run for this machine and these apps, and how their results are
 * shown. The checks themselves are healthmon's ({@code jsup.healthmon.doctor}); this package supplies
 * their inputs: the apps (from a running jsupd's {@code describe all}, or from an ecosystem file), the
 * pids jsupd supervises, the supervisor's lock-staleness rules, and whether jsupd answers.
 *
 * <p>May read {@code /proc}, the file system and jsupd's control socket. Never starts jsupd, never
 * touches an app. The one write is {@code --fix}: healthmon's sysctl file under a root folder
 * ({@code /} for real, a temp folder in tests), and only when running as root or under such a folder.
 */
package jsup.cli.doctor;
