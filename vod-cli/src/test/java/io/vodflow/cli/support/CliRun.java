package io.vodflow.cli.support;

import io.vodflow.cli.VodCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the CLI with its own environment: exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VodCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The stdout line that starts with the status and check name, e.g. {@code line("FAIL", "sign-key")}. */
    public String line(String status, String check) {
        return out.lines().filter(l -> l.startsWith(String.format("%-4s %-24s", status, check)))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + status + " " + check + "' line in:\n" + out));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
