package jsup.cli.monit;

import java.io.IOException;
import jsup.cli.CliContext;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.render.TimeFormat;
import jsup.healthmon.proc.HostUsageReader;

/** Entry point of {@code jsup monit}: the full screen on a terminal, plain frames otherwise. */
public final class Monit {

    private Monit() {
    }

    /**
     * Runs monit on {@code daemon}'s jsupd.
     *
     * @param interactive stdout and stdin are a terminal that can draw a screen
     * @param frames      plain output only: how many frames (0: until interrupted)
     * @param utc         plain output only: the frame's time in UTC rather than local time
     */
    public static void run(CliContext ctx, DaemonConnection daemon, boolean interactive, boolean json, int frames,
                           long intervalMillis, boolean utc) throws IOException, InterruptedException {
        try (MonitSource source = new MonitSource(ctx, daemon, !interactive && json)) {
            MonitFeed feed = new MonitFeed(source, HostUsageReader.system(ctx.jsupHome()));
            if (interactive) {
                new InteractiveMonit(feed, intervalMillis, ctx.jsupHome().toString()).run();
            } else {
                new PlainMonit(feed, ctx.out(), json, TimeFormat.of(ctx.env(), utc)).run(frames, intervalMillis);
            }
        }
    }
}
