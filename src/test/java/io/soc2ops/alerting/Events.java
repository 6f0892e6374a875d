package io.soc2ops.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge events built from AWS's published samples (src/test/resources/findings):
 * the "Security Hub Findings - Imported" envelope with the findings a test needs.
 */
final class Events {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Events() {
	}

	/** The envelope of AWS's sample with these findings in {@code detail.findings}. */
	static String envelope(ObjectNode... findings) {
		var envelope = fixture("securityhub-imported-event.json");
		var array = ((ObjectNode) envelope.get("detail")).putArray("findings");
		for (var finding : findings) {
			array.add(finding);
		}
		return envelope.toString();
	}

	/**
	 * AWS's published GuardDuty finding (ASFF) as it is: it predates {@code ProductName}.
	 */
	static ObjectNode guardDutyAsPublished() {
		return fixture("guardduty-ssh-brute-force.json");
	}

	/**
	 * The same finding as Security Hub imports it today: with {@code ProductName}, which
	 * Security Hub fills in for every finding.
	 */
	static ObjectNode guardDuty() {
		var finding = guardDutyAsPublished();
		finding.put("ProductName", "GuardDuty");
		return finding;
	}

	static ObjectNode guardDuty(Consumer<ObjectNode> change) {
		var finding = guardDuty();
		change.accept(finding);
		return finding;
	}

	static ObjectNode fixture(String name) {
		try (var in = new ClassPathResource("findings/" + name).getInputStream()) {
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
