package io.vodflow.localstack;

import io.vodflow.infra.local.LocalInfrastructure;
import io.vodflow.localstack.fleet.ServiceModule;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the local run; environment variables give the defaults. */
public record LocalStackOptions(Path projectRoot, Path dataDir, int kafkaPort, int postgresPort,
                                Map<ServiceModule, Integer> servicePorts, boolean demo) {

    // the services' own port variables, so one setting serves a local run and a jar started by hand
    private static final Map<ServiceModule, String> PORT_VARIABLES = Map.of(ServiceModule.SIGNER, "VODFLOW_SIGNER_PORT",
            ServiceModule.INGRESS, "VODFLOW_INGRESS_PORT", ServiceModule.PROCESSOR, "VODFLOW_PROCESSOR_PORT");

    static final String USAGE = """
            usage: java -jar local-stack/target/local-stack-*.jar [--demo] [--root DIR] [--data-dir DIR]
                   [--kafka-port N] [--postgres-port N] [--signer-port N] [--ingress-port N] [--processor-port N]
              --demo           play one upload story through the emulator once everything is up
              --root DIR       the vodflow checkout holding the built service jars (default: .)
              --data-dir DIR   where Kafka and Postgres keep their data (default: <root>/.vodflow/local)
              --kafka-port N   embedded Kafka port (default 9092, env VODFLOW_LOCAL_KAFKA_PORT)
              --postgres-port N embedded Postgres port (default 5432, env VODFLOW_LOCAL_POSTGRES_PORT)
              --signer-port N, --ingress-port N, --processor-port N
                               the services' HTTP ports (default 8081, 8082, 8083, env VODFLOW_SIGNER_PORT,
                               VODFLOW_INGRESS_PORT, VODFLOW_PROCESSOR_PORT)
            """;

    /** Parses the arguments; throws IllegalArgumentException with the usage on anything unknown. */
    public static LocalStackOptions parse(List<String> args) {
        Path root = Path.of(".");
        Path data = null;
        int kafka = envPort(LocalInfrastructure.KAFKA_PORT_SETTING, LocalInfrastructure.DEFAULT_KAFKA_PORT);
        int postgres = envPort(LocalInfrastructure.POSTGRES_PORT_SETTING, LocalInfrastructure.DEFAULT_POSTGRES_PORT);
        Map<ServiceModule, Integer> services = new EnumMap<>(ServiceModule.class);
        for (ServiceModule m : ServiceModule.values()) {
            services.put(m, envPort(PORT_VARIABLES.get(m), m.defaultPort()));
        }
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--demo" -> demo = true;
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--data-dir" -> data = Path.of(value(args, ++i, a));
                case "--kafka-port" -> kafka = port(value(args, ++i, a), a);
                case "--postgres-port" -> postgres = port(value(args, ++i, a), a);
                case "--signer-port" -> services.put(ServiceModule.SIGNER, port(value(args, ++i, a), a));
                case "--ingress-port" -> services.put(ServiceModule.INGRESS, port(value(args, ++i, a), a));
                case "--processor-port" -> services.put(ServiceModule.PROCESSOR, port(value(args, ++i, a), a));
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        root = root.toAbsolutePath().normalize();
        return new LocalStackOptions(root, data != null ? data : root.resolve(".vodflow").resolve("local"), kafka, postgres,
                Map.copyOf(services), demo);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int envPort(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : port(v.trim(), name);
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the usage
        }
        throw new IllegalArgumentException(option + " needs a port number 1..65535, not " + text + "\n" + USAGE);
    }
}
