package io.soc2ops.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The least-privilege IAM policy soc2ops ships: exactly the read-only actions it calls
 * ({@code ReadOnlyPolicyTests} keeps it so).
 */
@Component
public class ReadOnlyPolicy {

	public static final String FILE_NAME = "soc2ops-readonly-policy.json";

	private final String json;

	ReadOnlyPolicy() {
		try (var in = new ClassPathResource("aws/" + FILE_NAME).getInputStream()) {
			this.json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the read-only policy is missing from the jar", ex);
		}
	}

	/** The policy document as shipped. */
	public String json() {
		return json;
	}

}
