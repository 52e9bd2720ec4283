package io.footfall.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class with every {@link TestServer} on PostgreSQL (a fresh database per data directory). Put on a
 * subclass of an HTTP test to run that test unchanged against PostgreSQL: the backend is chosen before the
 * class's own {@code @BeforeAll} methods start their servers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(OnPostgreSql.Extension.class)
public @interface OnPostgreSql {

    final class Extension implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Backend.override(Backend.POSTGRESQL);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            Backend.override(null);
        }
    }
}
