package org.waveplan.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz keeps its jobs in the application's database (tables made by Flyway). PostgreSQL stores
 * job data as {@code bytea}, which only Quartz's PostgreSQL delegate reads, so the delegate follows
 * the database rather than a setting someone could forget.
 */
@Configuration
class QuartzStoreConfig {

	@Bean
	SchedulerFactoryBeanCustomizer quartzDelegate(DataSource dataSource, QuartzProperties settings) {
		return factory -> {
			String delegate = isPostgres(dataSource) ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
					: "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
			Properties properties = new Properties();
			properties.putAll(settings.getProperties());
			properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass", delegate);
			factory.setQuartzProperties(properties);
		};
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot reach the database to choose the Quartz delegate", e);
		}
	}

}
