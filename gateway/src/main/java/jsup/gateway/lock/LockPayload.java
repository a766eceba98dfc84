package jsup.gateway.lock;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the lock file holds, in upstream's format:
 * {@code {"pid":N,"createdAt":"ISO-8601","configPath":"...","startTime":N}}.
 *
 * @param pid        the owner's process id
 * @param createdAt  when the lock was taken (ISO-8601)
 * @param configPath the config file the owner serves
 * @param startTime  field 22 of the owner's {@code /proc/<pid>/stat}; null in files written by
 *                   gateways that did not record it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockPayload(long pid, String createdAt, String configPath, Long startTime) {

    /** "pid 123 (config /x/moltbot.json, since 2026-01-29T19:50:00Z)", for messages. */
    public String describe() {
        return "pid " + pid + " (config " + configPath + ", since " + createdAt + ")";
    }
}
