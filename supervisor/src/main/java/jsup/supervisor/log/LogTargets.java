package jsup.supervisor.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files each pipe goes to. The same writer appears once per pipe even when paths coincide
 * (e.g. {@code out_file} equal to {@code log_file}), so no line is written twice.
 */
record LogTargets(List<RotatingFileWriter> out, List<RotatingFileWriter> err, List<RotatingFileWriter> all) {

    static LogTargets of(RotatingFileWriter out, RotatingFileWriter err, RotatingFileWriter combined) {
        return new LogTargets(distinct(out, combined), distinct(err, combined), distinct(out, err, combined));
    }

    List<RotatingFileWriter> forPipe(Pipe pipe) {
        return pipe == Pipe.OUT ? out : err;
    }

    private static List<RotatingFileWriter> distinct(RotatingFileWriter... writers) {
        List<RotatingFileWriter> list = new ArrayList<>(writers.length);
        for (RotatingFileWriter w : writers) {
            if (w != null && list.stream().noneMatch(x -> x == w)) {
                list.add(w);
            }
        }
        return List.copyOf(list);
    }
}
