package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the Spring application for a command: the web server for {@code serve}, or a
 * context without web for one-shot commands.
 */
final class Server {

	static Class<?> application = Object.class;

	private Server() {
	}

	/** Runs the web server until the process is stopped. */
	static int serve(List<String> springArguments, String... extraArguments) throws InterruptedException {
		var arguments = new ArrayList<>(springArguments);
		arguments.addAll(List.of(extraArguments));
		var stopped = new CountDownLatch(1);
		var app = new SpringApplication(application);
		app.addListeners(event -> {
			if (event instanceof ContextClosedEvent) {
				stopped.countDown();
			}
		});
		app.run(arguments.toArray(String[]::new));
		stopped.await();
		return 0;
	}

	/** A context without the web server, quiet on the console, for commands that print a result. */
	static ConfigurableApplicationContext oneShot(List<String> springArguments) {
		var arguments = new ArrayList<>(springArguments);
		arguments.add("--logging.level.root=WARN");
		arguments.add("--spring.main.log-startup-info=false");
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

}
