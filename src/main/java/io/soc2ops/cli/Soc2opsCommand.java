package io.soc2ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code soc2ops}: without a subcommand it prints what it can do.
 */
@Command(name = "soc2ops", mixinStandardHelpOptions = true, versionProvider = Soc2opsCommand.Version.class,
		description = "Runs the AWS side of a SOC 2 Type 2 program and keeps the proof.",
		subcommands = { ServeCommand.class, DemoCommand.class, ImportCommand.class, AwsCommand.class,
				AlertsCommand.class, PolicyCommand.class, LedgerCommand.class, ReportCommand.class })
public class Soc2opsCommand extends CommandGroup {

	/** Runs the command line and returns the process exit code. */
	public static int execute(Class<?> application, String... args) {
		return commandLine(application).execute(args);
	}

	/** The command line for the given Spring Boot application class, ready to execute. */
	public static CommandLine commandLine(Class<?> application) {
		Server.application = application;
		return new CommandLine(new Soc2opsCommand()).setCaseInsensitiveEnumValuesAllowed(true);
	}

	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Soc2opsCommand.class.getPackage().getImplementationVersion();
			return new String[] { "soc2ops " + (version == null ? "(development build)" : version) };
		}

	}

}
