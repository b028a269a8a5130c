package io.vodflow.infra;

import io.vodflow.infra.kafka.KafkaBroker;
import io.vodflow.infra.postgres.PostgresDatabase;
import io.vodflow.infra.postgres.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/** JUnit 5 extension behind {@link VodflowIntegrationTest}: resolves the JVM's shared infrastructure as parameters. */
public final class VodflowInfraExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VodflowInfraExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(VodflowInfra.class, KafkaBroker.class, PostgresServer.class, PostgresDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        VodflowInfra infra = VodflowInfra.get();
        if (type == KafkaBroker.class) {
            return infra.kafka();
        }
        if (type == PostgresServer.class) {
            return infra.postgres();
        }
        if (type == PostgresDatabase.class) {
            ExtensionContext classContext = classContext(context);
            String hint = classContext.getRequiredTestClass().getSimpleName();
            return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                    PostgresDatabase.class, key -> infra.newDatabase(hint), PostgresDatabase.class);
        }
        return infra;
    }

    // one database per test class: methods of a class see the same data, other classes never do
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
