package jsup.gateway.lock;

/**
 * The process listening on a port.
 *
 * @param pid         its process id
 * @param commandLine its command line (arguments joined by spaces), possibly shortened
 */
public record PortOwner(int pid, String commandLine) {

    @Override
    public String toString() {
        return "pid " + pid + " (" + commandLine + ")";
    }
}
