package jsup.gateway.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records each wait instead of waiting it, so backoff tests take no time. */
class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Duration pause;

    /** Returns at once. */
    RecordingSleeper() {
        this(Duration.ZERO);
    }

    /** Really waits {@code pause} each time (whatever was asked), for loops that fail forever. */
    RecordingSleeper(Duration pause) {
        this.pause = pause;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        waits.add(duration);
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    List<Long> seconds() {
        return waits.stream().map(Duration::toSeconds).toList();
    }
}
