package jsup.supervisor.watch;

/** Watches an app's paths and reports each change (one call per batch of events) until closed. */
interface TreeWatcher extends AutoCloseable {

    /** What the watcher reports to. */
    interface Listener {
        /** Something under the watched paths changed ({@code path} is one of the changed paths). */
        void changed(java.nio.file.Path path);

        /**
         * The watcher cannot go on (an inotify limit reached while adding a new folder); the caller replaces it.
         */
        void failed(String why);
    }

    /** How it watches: {@code inotify} or {@code polling}. */
    String mode();

    /** Kernel watches held (0 when polling). */
    int watches();

    @Override
    void close();
}
