package io.soc2ops.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;

/**
 * soc2ops instances of a test's own making, all on one database (an H2 database in
 * memory, or one PostgreSQL schema) and posting to one Slack receiver, as several servers
 * behind a load balancer would.
 */
final class Instances implements AutoCloseable {

	final RouteReceiver receiver = RouteReceiver.start();

	private final String database = "deliveries_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	/**
	 * Starts an instance named {@code name} that delivers alerts (unless the settings say
	 * otherwise).
	 * @param settings further {@code --key=value} arguments
	 */
	ConfigurableApplicationContext start(String name, String... settings) {
		var arguments = new ArrayList<>(TestDatabases.sharedDatabase(database));
		arguments.addAll(List.of("--soc2ops.alerting.delivery.instance-name=" + name,
				"--soc2ops.alerting.delivery.poll-interval=100ms", "--logging.level.root=WARN"));
		arguments.addAll(List.of(settings));
		if (arguments.stream().noneMatch(argument -> argument.startsWith("--soc2ops.alerting.delivery.enabled="))) {
			arguments.add("--soc2ops.alerting.delivery.enabled=true");
		}
		var context = new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
		started.add(context);
		return context;
	}

	@Override
	public void close() {
		started.forEach(ConfigurableApplicationContext::close);
		receiver.close();
	}

}
