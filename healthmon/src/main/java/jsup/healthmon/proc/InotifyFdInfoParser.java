package jsup.healthmon.proc;

/**
 * Counts the watches of one inotify instance from the text of its {@code /proc/<pid>/fdinfo/<fd>}
 * file: the kernel prints one {@code inotify wd:<n> ino:... mask:...} line per watch.
 */
public final class InotifyFdInfoParser {

    private InotifyFdInfoParser() {
    }

    /** The number of {@code inotify wd:} lines in an fdinfo text; 0 for any other kind of fd. */
    public static int countWatches(String fdInfo) {
        int count = 0;
        int from = 0;
        while (from < fdInfo.length()) {
            int end = fdInfo.indexOf('\n', from);
            if (end < 0) {
                end = fdInfo.length();
            }
            if (fdInfo.startsWith("inotify wd:", from)) {
                count++;
            }
            from = end + 1;
        }
        return count;
    }
}
