package io.vodflow.localstack;

import io.vodflow.infra.local.LocalInfrastructure;

import java.nio.file.Path;
import java.util.List;

/** Command-line options of the local run; environment variables give the defaults. */
public record LocalStackOptions(Path projectRoot, Path dataDir, int kafkaPort, int postgresPort, boolean demo) {

    static final String USAGE = """
            usage: java -jar local-stack/target/local-stack-*.jar [--demo] [--root DIR] [--data-dir DIR]
                   [--kafka-port N] [--postgres-port N]
              --demo           play one upload story through the emulator once everything is up
              --root DIR       the vodflow checkout holding the built service jars (default: .)
              --data-dir DIR   where Kafka and Postgres keep their data (default: <root>/.vodflow/local)
              --kafka-port N   embedded Kafka port (default 9092, env VODFLOW_LOCAL_KAFKA_PORT)
              --postgres-port N embedded Postgres port (default 5432, env VODFLOW_LOCAL_POSTGRES_PORT)
            """;

    /** Parses the arguments; throws IllegalArgumentException with the usage on anything unknown. */
    public static LocalStackOptions parse(List<String> args) {
        Path root = Path.of(".");
        Path data = null;
        int kafka = envPort(LocalInfrastructure.KAFKA_PORT_SETTING, LocalInfrastructure.DEFAULT_KAFKA_PORT);
        int postgres = envPort(LocalInfrastructure.POSTGRES_PORT_SETTING, LocalInfrastructure.DEFAULT_POSTGRES_PORT);
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--demo" -> demo = true;
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--data-dir" -> data = Path.of(value(args, ++i, a));
                case "--kafka-port" -> kafka = Integer.parseInt(value(args, ++i, a));
                case "--postgres-port" -> postgres = Integer.parseInt(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        root = root.toAbsolutePath().normalize();
        return new LocalStackOptions(root, data != null ? data : root.resolve(".vodflow").resolve("local"), kafka, postgres, demo);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int envPort(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
