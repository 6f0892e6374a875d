package io.soc2ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.PolicyRefused;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyDocument;
import io.soc2ops.policies.VulnerabilityPolicyVersion;
import io.soc2ops.policies.VulnerabilitySeverity;

@Command(name = "policy", mixinStandardHelpOptions = true,
		description = "Works with the vulnerability management policy.",
		subcommands = { PolicyCommand.Import.class, PolicyCommand.Show.class })
class PolicyCommand extends CommandGroup {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = { "Drafts a new version of the vulnerability management policy from a YAML file",
					"(see policies/vulnerability-management.yaml), as drafted by the soc2ops user named with",
					"--author (enabled, with ADMIN, OPERATOR or APPROVER). The draft is in force only once",
					"another person with the APPROVER role approves it.",
					"Exit code 0: drafted; 1: refused; 2: could not run." })
	static class Import implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@Nullable CommandSpec spec;

		@CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the policy file (YAML)")
		Path file = Path.of("");

		@CommandLine.Option(names = "--author", required = true, paramLabel = "USERNAME", description = {
				"the soc2ops user drafting it (recorded as the author, who may then not", "approve it)" })
		String author = "";

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.runOnFile(spec, file, springArguments, false, "import", this::importFile);
		}

		/** Why {@code --author} cannot draft, or null when they can. */
		private @Nullable String authorRefusal(Users users) {
			Username username;
			try {
				username = Username.of(author.strip());
			}
			catch (IllegalArgumentException ex) {
				return "'" + author + "' is not a soc2ops username";
			}
			var user = users.find(username);
			if (user.isEmpty()) {
				return "there is no soc2ops user '" + username + "'";
			}
			if (!user.get().enabled()) {
				return "soc2ops user '" + username + "' is disabled";
			}
			if (!Capability.DRAFT_POLICIES.allows(user.get().roles())) {
				return "soc2ops user '" + username + "' may not draft policies (that needs one of the roles "
						+ java.util.EnumSet.copyOf(Capability.DRAFT_POLICIES.roles()) + ")";
			}
			return null;
		}

		private int importFile(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
			String name = String.valueOf(file.getFileName());
			var refusal = authorRefusal(context.getBean(Users.class));
			if (refusal != null) {
				out.println("Refused " + name + ": --author: " + refusal + ". Nothing was stored.");
				return 1;
			}
			long size = Files.size(file);
			if (size > VulnerabilityPolicyDocument.MAX_BYTES) {
				out.println("Refused " + name + ": the file is " + size + " bytes; at most "
						+ VulnerabilityPolicyDocument.MAX_BYTES + " are accepted. Nothing was stored.");
				return 1;
			}
			String yaml;
			try {
				yaml = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
					.toString();
			}
			catch (CharacterCodingException ex) {
				out.println("Refused " + name + ": not UTF-8 text. Nothing was stored.");
				return 1;
			}
			try {
				var drafted = context.getBean(VulnerabilityPolicies.class)
					.importYaml(yaml, "file:" + name, Actor.user(author));
				out.printf("Drafted version %d of the vulnerability management policy from %s (sha256 %s).%n",
						drafted.version(), name, drafted.sha256());
				out.println("It is in force only once a person with the APPROVER role approves it"
						+ " (Policies page, or POST /api/v1/policies/vulnerability/" + drafted.version()
						+ "/approve).");
				return 0;
			}
			catch (PolicyRefused ex) {
				out.println("Refused " + name + ": " + ex.getMessage() + ". Nothing was stored.");
				return 1;
			}
		}

	}

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = { "Prints the versions of the vulnerability management policy, newest first, or the",
					"exact text of one version. Exit code 0: printed; 1: no such version; 2: could not run." })
	static class Show implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.@Nullable CommandSpec spec;

		@CommandLine.Option(names = "--version", paramLabel = "N",
				description = "print the exact text (canonical YAML) of version N")
		@Nullable Integer version;

		@CommandLine.Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return Server.run(spec, springArguments, true, ex -> "Could not read the policy: " + Server.rootCause(ex),
					(context, out) -> {
						var policies = context.getBean(VulnerabilityPolicies.class);
						if (version != null) {
							var found = policies.version(version);
							if (found.isEmpty()) {
								out.println("No version " + version + " of the vulnerability management policy.");
								return 1;
							}
							out.print(found.get().text());
							return 0;
						}
						print(policies.history(), out);
						return 0;
					});
		}

		static void print(List<VulnerabilityPolicyVersion> history, PrintWriter out) {
			if (history.isEmpty()) {
				out.println("The vulnerability management policy has no versions yet.");
				return;
			}
			out.println("Vulnerability management policy, newest version first:");
			for (var v : history) {
				var decision = v.decision();
				out.printf("  v%d  %-10s  effective %s%s%n", v.version(), v.standing(), v.terms().effectiveFrom(),
						v.inForceFrom() == null ? "" : ", in force from " + v.inForceFrom());
				out.println("      " + sla(v));
				out.printf("      drafted by %s at %s from %s%s%n", v.draftedBy(), v.draftedAt(), v.source(),
						decision == null ? "" : "; " + v.state().name().toLowerCase(java.util.Locale.ROOT) + " by "
								+ decision.by() + " at " + decision.at());
				out.println("      sha256 " + v.sha256());
			}
		}

		private static String sla(VulnerabilityPolicyVersion version) {
			return java.util.Arrays.stream(VulnerabilitySeverity.values())
				.map(s -> s + " " + version.terms().daysFor(s).map(d -> d + "d").orElse("none"))
				.collect(Collectors.joining(", "));
		}

	}

}
