package io.soc2ops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceLedger;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Works with the evidence ledger.",
		subcommands = LedgerCommand.Verify.class)
class LedgerCommand extends CommandGroup {

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Recomputes the ledger's hash chain and names the first broken entry.",
					"Exit code 0: intact; 1: broken; 2: could not check." })
	static class Verify implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.run(spec, springArguments, true,
					ex -> "Could not check the ledger: " + Server.rootCause(ex) + System.lineSeparator()
							+ "soc2ops reads the database in SOC2OPS_DATA_DIR (default ./data),"
							+ " or the one SPRING_DATASOURCE_URL names.",
					(context, out) -> {
						var result = context.getBean(EvidenceLedger.class).verify();
						out.println(describe(result));
						return result instanceof ChainVerification.Intact ? 0 : 1;
					});
		}

		static String describe(ChainVerification result) {
			return switch (result) {
				case ChainVerification.Intact intact -> "Ledger intact: " + intact.verified() + " entries verified.";
				case ChainVerification.Broken broken -> "Ledger BROKEN at entry #" + broken.sequence() + ": "
						+ broken.reason() + ". " + broken.verified() + " entries before it verified.";
			};
		}

	}

}
