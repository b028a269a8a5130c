package io.vodflow.infra;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test that runs against the JVM's real Kafka and Postgres ({@link VodflowInfra}); its test
 * methods, constructors and lifecycle methods may take {@code VodflowInfra}, {@code KafkaBroker} (shared),
 * {@code PostgresServer} or {@code PostgresDatabase} (one fresh database per test class) parameters.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VodflowInfraExtension.class)
public @interface VodflowIntegrationTest {
}
