package jsup.healthmon.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * The two per-user inotify limits a user can run out of, each with its sysctl key and the value
 * jsup raises it to. Warnings and {@code jsup doctor --fix} name only the limits that are near, so
 * a user short of instances is not told to raise watches.
 */
public enum InotifySetting {

    WATCHES("fs.inotify.max_user_watches", "watches", 524288),
    INSTANCES("fs.inotify.max_user_instances", "instances", 1024);

    private final String key;
    private final String noun;
    private final long recommended;

    InotifySetting(String key, String noun, long recommended) {
        this.key = key;
        this.noun = noun;
        this.recommended = recommended;
    }

    /** The sysctl key, e.g. {@code fs.inotify.max_user_instances}. */
    public String key() {
        return key;
    }

    /** {@code watches} or {@code instances}, as in messages. */
    public String noun() {
        return noun;
    }

    public long limit(InotifyLimits limits) {
        return this == WATCHES ? limits.maxUserWatches() : limits.maxUserInstances();
    }

    public long used(InotifyUsage usage) {
        return this == WATCHES ? usage.watches() : usage.instances();
    }

    /** Whether {@code usage} is at or above {@code ratio} of this limit; false when the limit is unknown. */
    public boolean reached(InotifyUsage usage, InotifyLimits limits, double ratio) {
        long limit = limit(limits);
        return limit > 0 && used(usage) >= ratio * limit;
    }

    /**
     * The value to raise this limit to: the recommended one, or twice the current limit when that
     * is already at or above it, so a raise always gives room.
     */
    public long raisedFrom(long current) {
        return current >= recommended ? Math.multiplyExact(current, 2) : recommended;
    }

    /** {@code key=value} for a raise from the current limit. */
    public String raisedSetting(InotifyLimits limits) {
        return key + "=" + raisedFrom(limit(limits));
    }

    /** The limits that {@code usage} has reached {@code ratio} of, watches first. */
    public static List<InotifySetting> near(InotifyUsage usage, InotifyLimits limits, double ratio) {
        List<InotifySetting> near = new ArrayList<>();
        for (InotifySetting s : values()) {
            if (s.reached(usage, limits, ratio)) {
                near.add(s);
            }
        }
        return near;
    }

    /** The settings of a raise of each of {@code settings}, joined with " and ". */
    public static String raisedSettings(List<InotifySetting> settings, InotifyLimits limits) {
        List<String> parts = new ArrayList<>();
        for (InotifySetting s : settings) {
            parts.add(s.raisedSetting(limits));
        }
        return String.join(" and ", parts);
    }
}
