package io.soc2ops.vulnerabilities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one observation says about its item, checked and in the form it is stored: the
 * resource named as every source names it, tags and packages as JSON.
 *
 * @param key the item's identity: SHA-256 of finding ARN and resource
 */
record ItemValues(String key, String findingArn, String resourceId, String resourceType, String accountId,
		String region, @Nullable String team, String tagsJson, String kind, VulnerabilitySeverity severity,
		String title, @Nullable String cve, String packagesJson, @Nullable Double cvssScore, @Nullable Double epssScore,
		InspectorState state, @Nullable Instant firstObservedAt, @Nullable Instant lastObservedAt, Instant updatedAt) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	/**
	 * @param index the observation's place in its page, to name it when refused
	 * @throws IllegalArgumentException naming the observation and field
	 */
	static ItemValues of(ObservedVulnerability o, int index) {
		String at = "vulnerabilities[" + index + "].";
		text(at + "findingArn", o.findingArn(), 512);
		required(at + "kind", o.kind());
		required(at + "severity", o.severity());
		required(at + "state", o.state());
		required(at + "updatedAt", o.updatedAt());
		if (o.accountId() == null || !ACCOUNT.matcher(o.accountId()).matches()) {
			throw new IllegalArgumentException(at + "accountId: must be 12 digits but was '" + o.accountId() + "'");
		}
		text(at + "region", o.region(), 32);
		text(at + "resourceType", o.resourceType(), 256);
		text(at + "resourceId", o.resourceId(), 1024);
		text(at + "title", o.title(), 1024);
		if (o.cve() != null) {
			text(at + "cve", o.cve(), 128);
		}
		score(at + "cvssScore", o.cvssScore(), 10);
		score(at + "epssScore", o.epssScore(), 1);
		String type = ResourceNames.type(o.resourceType());
		String resource = ResourceNames.id(type, o.resourceId());
		return new ItemValues(key(o.findingArn(), resource), o.findingArn(), resource, type, o.accountId(), o.region(),
				team(o.resourceTags()), JSON.writeValueAsString(new TreeMap<>(o.resourceTags())), o.kind().name(),
				o.severity(), o.title(), o.cve(), packages(o.packages()), o.cvssScore(), o.epssScore(), o.state(),
				o.firstObservedAt(), o.lastObservedAt(), o.updatedAt());
	}

	boolean closed() {
		return state == InspectorState.CLOSED;
	}

	static String key(String findingArn, String resourceId) {
		try {
			var sha = MessageDigest.getInstance("SHA-256");
			sha.update(findingArn.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(resourceId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	/** The value of the resource's {@code team} tag (any case of the key). */
	private static @Nullable String team(Map<String, String> tags) {
		return tags.entrySet()
			.stream()
			.filter(tag -> tag.getKey().equalsIgnoreCase("team") && !tag.getValue().isBlank())
			.map(tag -> tag.getValue().length() > 256 ? tag.getValue().substring(0, 256) : tag.getValue())
			.findFirst()
			.orElse(null);
	}

	private static String packages(List<VulnerablePackage> packages) {
		return JSON.writeValueAsString(packages);
	}

	// the record's components are declared non-null, but a caller's null must still be
	// refused by name rather than fail deep in storage
	private static void required(String field, @Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException(field + ": is required");
		}
	}

	private static void text(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + ": is required");
		}
		if (value.length() > max) {
			throw new IllegalArgumentException(
					field + ": is " + value.length() + " characters; at most " + max + " are allowed");
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(field + ": holds a NUL character, which cannot be stored");
		}
	}

	private static void score(String field, @Nullable Double value, double max) {
		if (value != null && !(value >= 0 && value <= max)) {
			throw new IllegalArgumentException(field + ": must be between 0 and " + (int) max + " but was " + value);
		}
	}

}
