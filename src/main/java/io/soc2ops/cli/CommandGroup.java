package io.soc2ops.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code soc2ops ledger}, {@code soc2ops aws}):
 * run on its own, it prints what it offers.
 */
abstract class CommandGroup implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

	@Override
	public Integer call() {
		if (spec != null) {
			spec.commandLine().usage(spec.commandLine().getOut());
			spec.commandLine().getOut().flush();
		}
		return 0;
	}

}
