package io.soc2ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.CheckResult;
import io.soc2ops.catalog.CriterionId;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingQuery;
import io.soc2ops.findings.Findings;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.ImportProgress;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.SecurityHubPosture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Findings", description = "Security Hub findings, their history, posture per control, and imports")
class FindingsApi {

	private final Findings findings;

	private final FindingsIntake intake;

	private final SecurityHubPosture posture;

	private final Catalog catalog;

	FindingsApi(Findings findings, FindingsIntake intake, SecurityHubPosture posture, Catalog catalog) {
		this.findings = findings;
		this.intake = intake;
		this.posture = posture;
		this.catalog = catalog;
	}

	@GetMapping("/findings")
	@Operation(summary = "Findings, most severe and most recently updated first; every filter is optional")
	ApiViews.FindingPageView findings(@RequestParam(required = false) @Nullable String account,
			@RequestParam(required = false) @Nullable String region,
			@Parameter(description = "CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL") @RequestParam(
					required = false) @Nullable String severity,
			@Parameter(description = "product name, e.g. Security Hub or GuardDuty") @RequestParam(
					required = false) @Nullable String product,
			@Parameter(description = "Security Hub control ID, e.g. S3.8") @RequestParam(
					required = false) @Nullable String control,
			@Parameter(
					description = "criterion, e.g. CC6.6: findings of the Security Hub controls mapped to it") @RequestParam(
							required = false) @Nullable String criterion,
			@Parameter(
					description = "failing, passing, archived, or a workflow status (new, notified, resolved, suppressed)") @RequestParam(
							required = false) @Nullable String status,
			@Parameter(description = "text in the title or resource ID") @RequestParam(
					required = false) @Nullable String q,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + FindingQuery.DEFAULT_SIZE) int size) {
		var query = FindingQuery.parse(account, region, severity, product, control, criterion, status, q, page, size);
		return ApiViews.FindingPageView.of(findings.page(query));
	}

	@GetMapping("/findings/{id}")
	@Operation(summary = "One finding by its key (64 hex digits): history newest first, and the finding as received")
	ApiViews.FindingDetailView finding(@PathVariable String id) {
		return findings.find(id).map(ApiViews.FindingDetailView::of).orElseThrow(() -> NotFound.of("no finding " + id));
	}

	@GetMapping("/posture")
	@Operation(summary = "Per Security Hub control: resources failing and passing it, from the active findings")
	List<ApiViews.PostureView> posture() {
		return posture.results()
			.values()
			.stream()
			.sorted(Comparator.comparingLong(CheckResult::failingResources)
				.reversed()
				.thenComparing(CheckResult::securityHubControlId))
			.map(this::postureView)
			.toList();
	}

	@PostMapping(path = "/findings/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import findings from the request body (ADMIN, OPERATOR): an array of ASFF or OCSF findings,"
			+ " GetFindings or GetFindingsV2 output, EventBridge events, or one finding per line; all or nothing")
	ApiViews.IntakeView importFindings(InputStream body, Authentication authentication) throws IOException {
		try (body) {
			return ApiViews.IntakeView.of(intake.accept(body, IntakeChannel.FILE, "api",
					Actor.user(authentication.getName()), ImportProgress.NONE));
		}
	}

	private ApiViews.PostureView postureView(CheckResult result) {
		var mapped = catalog.securityHubControl(result.securityHubControlId());
		return new ApiViews.PostureView(result.securityHubControlId(), mapped.map(c -> c.title()).orElse(null),
				mapped.map(c -> c.severity().name()).orElse(null),
				mapped.map(c -> c.criteria().stream().map(CriterionId::value).toList()).orElse(List.of()),
				result.failingResources(), result.passingResources(), result.status().name());
	}

}
