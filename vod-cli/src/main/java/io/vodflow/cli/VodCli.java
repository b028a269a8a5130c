package io.vodflow.cli;

import io.vodflow.cli.backfill.BackfillCommand;
import io.vodflow.cli.doctor.DoctorCommand;
import io.vodflow.cli.eventconfig.ConfigureVodCommand;
import io.vodflow.contract.settings.KafkaClientVariables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;

/** The vodflow operator tool: {@code configure-vod}, {@code doctor} and {@code backfill}; one runnable jar, no Spring. */
@Command(name = "vodflow-cli", mixinStandardHelpOptions = true, version = "vodflow-cli 0.1.0",
        description = "Sets up Tencent Cloud VOD's side of vodflow, checks a deployment, and repairs missed callbacks.",
        subcommands = {ConfigureVodCommand.class, DoctorCommand.class, BackfillCommand.class})
public final class VodCli implements Runnable {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    /** @param env the process environment (tests pass their own); VODFLOW_* settings are read from it */
    public VodCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The configured command line: failures print their message (never a stack trace) and exit with their code. */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new VodCli(env));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                cmd.getErr().println("error: " + failure.getMessage());
                return failure.exitCode();
            }
            cmd.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        });
        return cli;
    }

    /** The Kafka client properties the environment sets through VODFLOW_KAFKA_CLIENT_* (a login, say). */
    public Map<String, String> kafkaClientProperties() {
        return KafkaClientVariables.from(env);
    }

    /** A VODFLOW_* setting from the environment, or null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
