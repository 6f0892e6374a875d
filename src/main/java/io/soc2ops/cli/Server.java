package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;

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

	static final String SCHEDULE_ENABLED = "soc2ops.schedule.enabled";

	static final String DELIVERY_ENABLED = "soc2ops.alerting.delivery.enabled";

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

	/** What a one-shot command does once its context is up; returns the exit code. */
	@FunctionalInterface
	interface OneShot {

		int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;

	}

	/**
	 * Runs a one-shot command: starts the context, gives the command its output, and
	 * turns any failure into the command's message for it and exit code 2.
	 */
	static int run(CommandLine.Model.@Nullable CommandSpec spec, List<String> springArguments, boolean readOnly,
			Function<Exception, String> failure, OneShot command) {
		PrintWriter out = out(spec);
		try (var context = oneShot(springArguments, readOnly)) {
			return command.run(context, out);
		}
		catch (Exception ex) {
			out.println(failure.apply(ex));
			return 2;
		}
		finally {
			out.flush();
		}
	}

	/**
	 * Runs a one-shot command on a file: "No such file" and exit code 2 when there is no
	 * such file, otherwise as {@link #run}, a failure named as {@code doing} the file.
	 */
	static int runOnFile(CommandLine.Model.@Nullable CommandSpec spec, java.nio.file.Path file,
			List<String> springArguments, boolean readOnly, String doing, OneShot command) {
		if (!java.nio.file.Files.isRegularFile(file)) {
			out(spec).println("No such file: " + file);
			out(spec).flush();
			return 2;
		}
		return run(spec, springArguments, readOnly,
				ex -> "Could not " + doing + " " + file.getFileName() + ": " + rootCause(ex), command);
	}

	static PrintWriter out(CommandLine.Model.@Nullable CommandSpec spec) {
		return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
	}

	static PrintWriter err(CommandLine.Model.@Nullable CommandSpec spec) {
		return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
	}

	/** The innermost message of a failure, which is the one that says what to fix. */
	static String rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}

	/**
	 * A context without the web server, for commands that print a result. Logging is off
	 * on the console: the command prints what went wrong itself.
	 */
	static ConfigurableApplicationContext oneShot(List<String> springArguments) {
		return oneShot(springArguments, true);
	}

	/**
	 * @param readOnly a command that only reads never creates or migrates a database, so
	 * a wrong data directory is an error rather than a new, empty database
	 */
	static ConfigurableApplicationContext oneShot(List<String> springArguments, boolean readOnly) {
		var arguments = new ArrayList<>(springArguments);
		// a command runs once and ends: it never takes scheduled work or alert deliveries
		// from the servers
		for (String worker : List.of(SCHEDULE_ENABLED, DELIVERY_ENABLED)) {
			arguments.removeIf(argument -> argument.startsWith("--" + worker));
			arguments.add("--" + worker + "=false");
		}
		// nor does it deliver what the servers left outstanding (write-backs)
		arguments.add("--spring.modulith.events.republish-outstanding-events-on-restart=false");
		arguments.add("--logging.level.root=OFF");
		arguments.add("--logging.file.name=");
		arguments.add("--spring.main.log-startup-info=false");
		if (readOnly) {
			arguments.add("--spring.flyway.enabled=false");
			arguments.add("--soc2ops.h2-open-options=;IFEXISTS=TRUE");
		}
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

}
