package jsup.healthmon.proc;

/**
 * Inotify resources held by some processes.
 *
 * @param instances open inotify instances (fds linked to {@code anon_inode:inotify}); an instance
 *                  shared by several processes (inherited across fork) is counted once per holder
 * @param watches   watches across those instances ({@code inotify wd:} lines of their fdinfo)
 */
public record InotifyUsage(int instances, long watches) {

    public static final InotifyUsage NONE = new InotifyUsage(0, 0);

    public InotifyUsage plus(InotifyUsage other) {
        return new InotifyUsage(instances + other.instances, watches + other.watches);
    }
}
