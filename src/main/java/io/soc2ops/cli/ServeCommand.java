package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true, description = {
		"Starts soc2ops (port from SERVER_PORT, default 8080).",
		"Extra --key=value arguments are passed to Spring, e.g. --spring.datasource.url=jdbc:postgresql://..." })
class ServeCommand implements Callable<Integer> {

	@CommandLine.Unmatched
	List<String> springArguments = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		return Server.serve(springArguments);
	}

}
