package jsup.supervisor.config;

/**
 * Which copy of its app an {@link AppSpec} is ({@code instances}, {@code increment_var}, {@code instance_var};
 * docs/config.md, "Instances").
 *
 * @param count        how many copies the app was defined with (what the dump keeps is the live count)
 * @param id           this copy's instance id, 0 to count-1 (higher after {@code jsup scale})
 * @param incrementVar an environment variable raised by the id in each copy (PM2's {@code increment_var}),
 *                     or {@code null}
 * @param instanceVar  the variable that carries the id besides {@code JSUP_INSTANCE} (PM2's
 *                     {@code instance_var}, default {@code NODE_APP_INSTANCE})
 */
public record InstancesSpec(int count, int id, String incrementVar, String instanceVar) {

    /** jsup's own variable with the instance id, set in every app. */
    public static final String JSUP_INSTANCE = "JSUP_INSTANCE";
    /** PM2's default {@code instance_var}. */
    public static final String DEFAULT_INSTANCE_VAR = "NODE_APP_INSTANCE";

    /** An app of one copy: what an app without {@code instances} is. */
    public static final InstancesSpec SINGLE = new InstancesSpec(1, 0, null, DEFAULT_INSTANCE_VAR);

    public InstancesSpec {
        if (count < 1 || id < 0) {
            throw new IllegalArgumentException("instances " + count + ", id " + id + ": need count >= 1, id >= 0");
        }
        instanceVar = instanceVar == null ? DEFAULT_INSTANCE_VAR : instanceVar;
    }

    /** The same set, as copy {@code id}. */
    public InstancesSpec withId(int id) {
        return new InstancesSpec(count, id, incrementVar, instanceVar);
    }

    /** The same copy, of a set of {@code count}. */
    public InstancesSpec withCount(int count) {
        return new InstancesSpec(count, id, incrementVar, instanceVar);
    }
}
