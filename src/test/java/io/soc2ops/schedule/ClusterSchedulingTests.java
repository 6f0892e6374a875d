package io.soc2ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;

/**
 * Two instances of soc2ops on one database, both running recurring tasks: every slot of a
 * task runs exactly once, on one of them, and runs never overlap.
 */
class ClusterSchedulingTests {

	static final int RUNS = 12;

	static final List<Body> bodies = new CopyOnWriteArrayList<>();

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	/** When a run's body started and ended, on which instance. */
	record Body(String instance, Instant started, Instant ended) {

	}

	/** Not a {@code @Configuration}: only the contexts given it as a source have it. */
	static class Heartbeat {

		@Bean
		RecurringTask heartbeat(Environment environment) {
			String instance = environment.getRequiredProperty("soc2ops.schedule.instance-name");
			return new RecurringTask("test.heartbeat", Schedule.every(Duration.ofMillis(100)), () -> {
				Instant started = Instant.now();
				work();
				bodies.add(new Body(instance, started, Instant.now()));
			});
		}

		/** Long enough for the other instance to poll while a run is under way. */
		private static void work() {
			try {
				Thread.sleep(60);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@AfterEach
	void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void everySlotRunsOnceOnOneInstanceAndRunsNeverOverlap() {
		bodies.clear();
		String database = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var a = start(database, "instance-a");
		start(database, "instance-b");
		Instant bothRunning = Instant.now();
		var jdbc = a.getBean(JdbcClient.class);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> bodies.stream().filter(body -> body.started().isAfter(bothRunning)).count() >= RUNS);
		// stopping lets a run under way finish and be recorded; the database stays open
		instances.forEach(ConfigurableApplicationContext::stop);

		var runs = jdbc.sql("SELECT slot FROM schedule_run WHERE task_name = 'test.heartbeat'")
			.query((rs, row) -> rs.getObject("slot", OffsetDateTime.class).toInstant())
			.list();
		assertThat(runs).as("one recorded run per body run").hasSize(bodies.size());
		assertThat(runs).as("slots").doesNotHaveDuplicates();
		var inOrder = bodies.stream().sorted(Comparator.comparing(Body::started)).toList();
		for (int i = 1; i < inOrder.size(); i++) {
			assertThat(inOrder.get(i).started()).as("run %d starts after run %d ended", i, i - 1)
				.isAfterOrEqualTo(inOrder.get(i - 1).ended());
		}
	}

	private ConfigurableApplicationContext start(String database, String instance) {
		var arguments = new ArrayList<>(TestDatabases.sharedDatabase(database));
		arguments.addAll(List.of("--soc2ops.schedule.enabled=true", "--soc2ops.schedule.instance-name=" + instance,
				"--soc2ops.schedule.polling-interval=50ms", "--logging.level.root=WARN"));
		var context = new SpringApplicationBuilder(Soc2opsApplication.class, Heartbeat.class)
			.web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
		instances.add(context);
		return context;
	}

}
