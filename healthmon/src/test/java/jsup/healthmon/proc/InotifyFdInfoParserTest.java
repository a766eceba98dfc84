package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyFdInfoParserTest {

    /** Copied from a 6.x kernel: an inotify fd with three watches. */
    static final String FIXTURE = "pos:\t0\nflags:\t00\nmnt_id:\t17\nino:\t1039\n"
            + "inotify wd:3 ino:20c1de sdev:fe00000 mask:100 ignored_mask:0 fhandle-bytes:8 fhandle-type:1 f_handle:dec12000663d179d\n"
            + "inotify wd:2 ino:20c1dd sdev:fe00000 mask:100 ignored_mask:0 fhandle-bytes:8 fhandle-type:1 f_handle:ddc12000d6598937\n"
            + "inotify wd:1 ino:20c1dc sdev:fe00000 mask:100 ignored_mask:0 fhandle-bytes:8 fhandle-type:1 f_handle:dcc120009ff5ce21\n";

    @Test
    void countsTheWatchLinesOfAFixture() {
        assertThat(InotifyFdInfoParser.countWatches(FIXTURE)).isEqualTo(3);
        assertThat(InotifyFdInfoParser.countWatches(FIXTURE.replace("\n", "\r\n").replace("\r", ""))).isEqualTo(3);
    }

    @Test
    void anInstanceWithoutWatchesOrAnotherFdCountsZero() {
        assertThat(InotifyFdInfoParser.countWatches("pos:\t0\nflags:\t00\nmnt_id:\t17\nino:\t1039\n")).isZero();
        assertThat(InotifyFdInfoParser.countWatches("pos:\t0\nflags:\t02\nmnt_id:\t24\nino:\t3\n")).isZero();
        assertThat(InotifyFdInfoParser.countWatches("")).isZero();
        // A line that merely mentions inotify is not a watch.
        assertThat(InotifyFdInfoParser.countWatches("note: inotify wd:1\n")).isZero();
    }

    @Test
    void countsTheRealFdInfoOfAHelperProcess(@TempDir Path dir) throws Exception {
        try (InotifyHolder holder = new InotifyHolder(dir.resolve("w"), 7)) {
            int fd = Integer.parseInt(holder.fds);
            String info = ProcFs.SYSTEM.fdInfo(holder.pid(), fd).orElseThrow();
            assertThat(InotifyFdInfoParser.countWatches(info)).isEqualTo(7);
        }
    }
}
