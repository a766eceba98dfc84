package jsup.healthmon.doctor;

/** The running Java is at least the version jsup is built for (17). */
public final class JavaVersionCheck implements DoctorCheck {

    public static final int MINIMUM_FEATURE = 17;

    private final Runtime.Version version;
    private final String javaHome;

    /** Checks the Java this process runs on. */
    public JavaVersionCheck() {
        this(Runtime.version(), System.getProperty("java.home"));
    }

    public JavaVersionCheck(Runtime.Version version, String javaHome) {
        this.version = version;
        this.javaHome = javaHome;
    }

    @Override
    public CheckResult run() {
        String detail = "Java " + version + " at " + javaHome;
        if (version.feature() >= MINIMUM_FEATURE) {
            return CheckResult.pass("java", detail);
        }
        return CheckResult.fail("java", detail + " is older than " + MINIMUM_FEATURE,
                "install Java " + MINIMUM_FEATURE + " or newer (e.g. apt-get install openjdk-17-jre-headless) "
                        + "and put it first on PATH or set JAVA_HOME");
    }
}
