package io.soc2ops.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Security Hub write-back as the rest of soc2ops sees it: whether it is on, how it went,
 * and the IAM policy it needs. The writing itself is {@link FindingWriteBack}'s.
 */
@Service
public class WriteBacks {

	public static final String POLICY_FILE = "soc2ops-write-back-policy.json";

	private final AwsSettings aws;

	private final WriteBackSettings settings;

	private final WriteBackLog log;

	private final String policy;

	WriteBacks(AwsSettings aws, WriteBackSettings settings, WriteBackLog log) {
		this.aws = aws;
		this.settings = settings;
		this.log = log;
		try (var in = new ClassPathResource("aws/" + POLICY_FILE).getInputStream()) {
			this.policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the write-back policy is missing from the jar", ex);
		}
	}

	public WriteBackStatus status() {
		var counts = log.counts();
		return new WriteBackStatus(aws.enabled() && settings.enabled(), counts.get(true), counts.get(false),
				log.last().orElse(null));
	}

	/** The IAM policy write-back needs, as shipped. */
	public String policy() {
		return policy;
	}

}
