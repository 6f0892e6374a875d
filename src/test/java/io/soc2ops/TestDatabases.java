package io.soc2ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: a fresh H2 in-memory
 * database by default, or a fresh schema in the PostgreSQL database named by the system
 * property {@code soc2ops.test.db-url} (set by {@code ./mvnw verify -Ppostgres}).
 */
public class TestDatabases implements EnvironmentPostProcessor {

	static final String DB_URL_PROPERTY = "soc2ops.test.db-url";

	/**
	 * Set to true by a test that names its own datasource (e.g. to share one between two
	 * contexts).
	 */
	public static final String KEEP_DATASOURCE = "soc2ops.test.keep-datasource";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(KEEP_DATASOURCE, Boolean.class, false)) {
			return;
		}
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		var properties = new java.util.HashMap<String, Object>(properties(name));
		properties.put("soc2ops.data-dir", "target/test-data");
		environment.getPropertySources().addFirst(new MapPropertySource("soc2ops-test-database", properties));
	}

	/**
	 * Command-line arguments that put a context on the database called {@code name},
	 * which every context given the same name shares (H2 in memory, or a schema of the
	 * test PostgreSQL database).
	 */
	public static List<String> sharedDatabase(String name) {
		var arguments = new ArrayList<String>();
		arguments.add("--" + KEEP_DATASOURCE + "=true");
		arguments.add("--soc2ops.data-dir=target/test-data");
		properties(name).forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments;
	}

	/**
	 * Properties for an application context of the test's own making that uses a fresh
	 * database, which the test can read on its own after the context is closed.
	 */
	public static Map<String, Object> fresh() {
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		var properties = new java.util.HashMap<String, Object>(properties(name));
		properties.put("soc2ops.data-dir", "target/test-data");
		properties.put(KEEP_DATASOURCE, "true");
		return properties;
	}

	/** The database of {@link #fresh()} properties, outside any application context. */
	public static javax.sql.DataSource dataSource(Map<String, Object> properties) {
		var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				String.valueOf(properties.get("spring.datasource.url")));
		dataSource.setUsername(String.valueOf(properties.getOrDefault("spring.datasource.username", "sa")));
		dataSource.setPassword(String.valueOf(properties.getOrDefault("spring.datasource.password", "")));
		return dataSource;
	}

	public static boolean onPostgres() {
		String url = System.getProperty(DB_URL_PROPERTY, "");
		return url.startsWith("jdbc:postgresql:");
	}

	private static Map<String, Object> properties(String name) {
		String url = System.getProperty(DB_URL_PROPERTY, "");
		if (url.startsWith("jdbc:postgresql:")) {
			String separator = url.contains("?") ? "&" : "?";
			return Map.of("spring.datasource.url", url + separator + "currentSchema=" + name,
					"spring.datasource.username", "postgres", "spring.datasource.password", "", "spring.flyway.schemas",
					name, "spring.flyway.create-schemas", "true", "spring.datasource.hikari.maximum-pool-size", "4",
					// the test context cache keeps many contexts alive, each with its
					// pool:
					// idle, a pool keeps one connection, so they stay under PostgreSQL's
					// 100
					"spring.datasource.hikari.minimum-idle", "1", "spring.datasource.hikari.idle-timeout", "10000");
		}
		if (!url.isBlank()) {
			throw new IllegalStateException(DB_URL_PROPERTY + " must be a PostgreSQL JDBC URL but was " + url);
		}
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.hikari.maximum-pool-size", "4");
	}

}
