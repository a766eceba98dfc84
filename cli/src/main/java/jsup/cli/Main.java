package jsup.cli;

/** The {@code jsup} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = JsupCli.execute(CliContext.system(), args);
        System.out.flush();
        System.exit(code);
    }
}
