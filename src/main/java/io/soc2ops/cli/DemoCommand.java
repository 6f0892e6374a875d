package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Starts soc2ops with the bundled demo organisation (no AWS account needed).",
				"The demo is loaded once into the data directory (SOC2OPS_DATA_DIR, default ./data)." })
class DemoCommand implements Callable<Integer> {

	@CommandLine.Unmatched
	List<String> springArguments = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		// the demo's Slack receiver listens on the loopback interface; the demo's route
		// takes the vulnerability and access notices too
		return Server.serve(springArguments, "--soc2ops.demo.enabled=true",
				"--soc2ops.alerting.local-webhooks-allowed=true", "--soc2ops.vulnerabilities.notify.routes=demo-slack",
				"--soc2ops.access.requests.route=demo-slack", "--soc2ops.access.unapproved.route=demo-slack",
				"--soc2ops.access.reviews.route=demo-slack", "--soc2ops.company.name=Kumo Logistics K.K.");
	}

}
