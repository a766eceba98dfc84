package jsup.healthmon.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Enough free disk under a folder (the logs): a full disk stops logs and lock files alike. */
public final class FreeDiskCheck implements DoctorCheck {

    public static final long DEFAULT_MINIMUM = 100L * 1024 * 1024;

    private final Path folder;
    private final long minimumFree;

    public FreeDiskCheck(Path folder, long minimumFreeBytes) {
        this.folder = folder;
        this.minimumFree = minimumFreeBytes;
    }

    @Override
    public CheckResult run() {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return CheckResult.fail("disk", "no existing folder on the way to " + folder,
                    "create " + folder + " or set JSUP_HOME to a writable place");
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String detail = size(free) + " free under " + existing + " (need " + size(minimumFree) + ")";
            if (free >= minimumFree) {
                return CheckResult.pass("disk", detail);
            }
            return CheckResult.fail("disk", detail, "free space on that file system (jsup flush empties app logs; "
                    + "lower log_retain or set log_compress) or move JSUP_HOME to a bigger disk");
        } catch (IOException e) {
            return CheckResult.fail("disk", "cannot read free space under " + existing + ": " + e.getMessage(),
                    "check that " + existing + " is readable");
        }
    }

    /** {@code 512M}, {@code 3.2G}. */
    static String size(long bytes) {
        String[] units = {"B", "K", "M", "G", "T"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value >= 10 || value == Math.floor(value)
                ? String.format(Locale.ROOT, "%.0f%s", value, units[unit])
                : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }
}
