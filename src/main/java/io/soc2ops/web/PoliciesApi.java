package io.soc2ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.evidence.Actor;
import io.soc2ops.policies.PolicyDifference;
import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyDocument;
import io.soc2ops.policies.VulnerabilityPolicyTerms;
import io.soc2ops.policies.VulnerabilityPolicyVersion;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The vulnerability management policy for programs: its versions, the one in force, a new
 * draft from JSON or from the YAML policy file, and an approver's decision. Refusals are
 * problem details naming the field ({@link ApiProblems}).
 */
@RestController
@Tag(name = "Policies", description = "The vulnerability management policy: versions, drafts and approval")
class PoliciesApi {

	static final String BASE = "/api/v1/policies/vulnerability";

	private static final Set<String> YAML = Set.of("application/yaml", "application/x-yaml", "text/yaml",
			"text/x-yaml");

	private final VulnerabilityPolicies policies;

	private final java.time.Clock clock;

	PoliciesApi(VulnerabilityPolicies policies, java.time.Clock clock) {
		this.policies = policies;
		this.clock = clock;
	}

	@GetMapping(BASE)
	@Operation(summary = "Every version, newest first, each with its standing today")
	List<VersionView> versions() {
		return policies.history().stream().map(VersionView::of).toList();
	}

	@GetMapping(BASE + "/in-force")
	@Operation(summary = "The approved version in force on a day (default today, UTC), as other modules read it")
	SlaPolicy inForce(@RequestParam(required = false) @Nullable LocalDate on) {
		LocalDate day = on == null ? LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC) : on;
		return policies.inForce(day).orElseThrow(() -> NotFound.of("no version is in force on " + day));
	}

	@GetMapping(BASE + "/{version}")
	@Operation(summary = "One version, with its exact text and, for a draft, how it differs from the version in force")
	VersionDetail version(@PathVariable int version) {
		var found = policies.version(version).orElseThrow(() -> NotFound.of("no version " + version));
		return new VersionDetail(VersionView.of(found), found.text(),
				found.isDraft() ? ChangesView.of(policies.difference(found.terms())) : null);
	}

	@GetMapping(value = BASE + "/{version}/text", produces = "application/yaml")
	@Operation(summary = "The exact text of a version (canonical YAML), as approved; its SHA-256 is the version's")
	String text(@PathVariable int version) {
		return policies.version(version).orElseThrow(() -> NotFound.of("no version " + version)).text();
	}

	@PostMapping(BASE)
	@Operation(summary = "Draft a new version from JSON or from the YAML policy file (Content-Type application/yaml); "
			+ "it is in force only once an approver other than its author approves it")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the policy: JSON, or the YAML policy file",
			content = { @Content(mediaType = "application/json"), @Content(mediaType = "application/yaml") })
	ResponseEntity<?> draft(HttpServletRequest request, Authentication authentication) throws IOException {
		int limit = VulnerabilityPolicyDocument.MAX_BYTES;
		if (request.getContentLengthLong() > limit) {
			return tooLarge("the request body is " + request.getContentLengthLong() + " bytes; at most " + limit
					+ " are accepted");
		}
		String body;
		try (InputStream in = new BoundedInput(request.getInputStream(), limit)) {
			body = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(in.readAllBytes()))
				.toString();
		}
		catch (BoundedInput.TooLarge ex) {
			return tooLarge(ex.getMessage());
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("the request body is not UTF-8 text");
		}
		var actor = Actor.user(authentication.getName());
		var drafted = yaml(request.getContentType()) ? policies.importYaml(body, "api:yaml", actor)
				: policies.draft(json(request.getContentType(), body), "api", actor);
		return ResponseEntity.created(URI.create(BASE + "/" + drafted.version())).body(VersionView.of(drafted));
	}

	@PostMapping(BASE + "/{version}/approve")
	@Operation(summary = "Approve a draft (APPROVER, not its author); sha256, when sent, must be the text's")
	VersionView approve(@PathVariable int version, @RequestBody(required = false) @Nullable Approval approval,
			Authentication authentication) {
		var given = approval == null ? new Approval(null, null) : approval;
		return VersionView.of(policies.approve(version, given.sha256(), given.note() == null ? "" : given.note(),
				Actor.user(authentication.getName())));
	}

	@PostMapping(BASE + "/{version}/reject")
	@Operation(summary = "Reject a draft (APPROVER, not its author), saying why")
	VersionView reject(@PathVariable int version, @RequestBody(required = false) @Nullable Rejection rejection,
			Authentication authentication) {
		String reason = rejection == null || rejection.reason() == null ? "" : rejection.reason();
		return VersionView.of(policies.reject(version, reason, Actor.user(authentication.getName())));
	}

	private static boolean yaml(@Nullable String contentType) {
		return contentType != null && YAML.contains(MediaType.parseMediaType(contentType).getType() + "/"
				+ MediaType.parseMediaType(contentType).getSubtype().toLowerCase(Locale.ROOT));
	}

	private static VulnerabilityPolicyTerms json(@Nullable String contentType, String body) {
		if (contentType != null
				&& !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
			throw new IllegalArgumentException(
					"Content-Type: send the policy as application/json or application/yaml, not " + contentType);
		}
		return VulnerabilityPolicyDocument.readJson(body);
	}

	private static ResponseEntity<ProblemDetail> tooLarge(String detail) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail + "; nothing was changed");
		problem.setTitle("Policy too large");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	record Approval(@Nullable String sha256, @Nullable String note) {
	}

	record Rejection(@Nullable String reason) {
	}

	/**
	 * A version, flat: days per severity as a number or {@code "none"}; the decision's
	 * fields are null while it is a draft.
	 */
	record VersionView(int version, String state, String standing, LocalDate effectiveFrom,
			@Nullable LocalDate inForceFrom, Map<String, Object> sla, Set<String> accounts, Set<String> resourceTypes,
			String notes, String draftedBy, Instant draftedAt, String source, String sha256, @Nullable String decidedBy,
			@Nullable Instant decidedAt, @Nullable String decisionNote) {

		static VersionView of(VulnerabilityPolicyVersion v) {
			var decision = v.decision();
			return new VersionView(v.version(), v.state().name(), v.standing().name(), v.terms().effectiveFrom(),
					v.inForceFrom(), sla(v.terms()), v.terms().accounts(), v.terms().resourceTypes(), v.terms().notes(),
					v.draftedBy().toString(), v.draftedAt(), v.source(), v.sha256(),
					decision == null ? null : decision.by().toString(), decision == null ? null : decision.at(),
					decision == null ? null : decision.note());
		}

		private static Map<String, Object> sla(VulnerabilityPolicyTerms terms) {
			var sla = new LinkedHashMap<String, Object>();
			for (var severity : VulnerabilitySeverity.values()) {
				sla.put(severity.name(), terms.daysFor(severity).<Object>map(days -> days).orElse("none"));
			}
			return sla;
		}

	}

	record VersionDetail(VersionView version, String text, @Nullable ChangesView changesFromInForce) {
	}

	/** How a draft differs from the version in force ({@code against} null: none is). */
	record ChangesView(@Nullable Integer against, List<SlaChangeView> sla, @Nullable LocalDate effectiveFromWas,
			LocalDate effectiveFrom, Set<String> accountsAdded, Set<String> accountsRemoved,
			Set<String> resourceTypesAdded, Set<String> resourceTypesRemoved, boolean notesChanged) {

		static ChangesView of(PolicyDifference d) {
			return new ChangesView(d.against(),
					d.sla()
						.stream()
						.map(c -> new SlaChangeView(c.severity().name(), days(c.from()), days(c.to()), c.tighter()))
						.toList(),
					d.effectiveFromWas(), d.effectiveFrom(), d.accountsAdded(), d.accountsRemoved(),
					d.resourceTypesAdded(), d.resourceTypesRemoved(), d.notesChanged());
		}

		private static Object days(@Nullable Integer days) {
			return days == null ? "none" : days;
		}

	}

	record SlaChangeView(String severity, Object from, Object to, boolean tighter) {
	}

}
