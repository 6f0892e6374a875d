package io.soc2ops.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.evidence.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Criteria, controls, the Security Hub mapping and readiness")
class CatalogApi {

	private final Catalog catalog;

	private final Readiness readiness;

	private final ControlTests tests;

	private final AwsAccounts accounts;

	CatalogApi(Catalog catalog, Readiness readiness, ControlTests tests, AwsAccounts accounts) {
		this.catalog = catalog;
		this.readiness = readiness;
		this.tests = tests;
		this.accounts = accounts;
	}

	@GetMapping("/criteria")
	@Operation(summary = "Every Trust Services Criterion with its readiness status")
	List<ApiViews.CriterionView> criteria() {
		return readiness.map().stream().map(ApiViews.CriterionView::of).toList();
	}

	@GetMapping("/criteria/{id}")
	@Operation(summary = "One criterion: its controls, mapped Security Hub controls and gaps")
	ApiViews.CriterionDetail criterion(@PathVariable String id) {
		return readiness.criterion(NotFound.criterionId(id))
			.map(ApiViews.CriterionDetail::of)
			.orElseThrow(() -> NotFound.of("no criterion " + id));
	}

	@GetMapping("/controls")
	@Operation(summary = "The company's controls with their latest test")
	List<ApiViews.ControlView> controls() {
		return readiness.controls().stream().map(ApiViews.ControlView::of).toList();
	}

	@GetMapping("/controls/{id}")
	ApiViews.ControlView control(@PathVariable String id) {
		return readiness.control(id).map(ApiViews.ControlView::of).orElseThrow(() -> NotFound.of("no control " + id));
	}

	@GetMapping("/controls/{id}/tests")
	@Operation(summary = "Recorded tests of a control, newest first")
	List<ApiViews.TestView> tests(@PathVariable String id) {
		if (catalog.control(id).isEmpty()) {
			throw NotFound.of("no control " + id);
		}
		return tests.history(id, 200).stream().map(ApiViews.TestView::of).toList();
	}

	@PostMapping("/controls/{id}/tests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record the result of testing a control (goes into the evidence ledger)")
	ApiViews.TestView recordTest(@PathVariable String id, @Valid @RequestBody TestRequest request,
			Authentication authentication) {
		if (catalog.control(id).isEmpty()) {
			throw NotFound.of("no control " + id);
		}
		var test = tests.record(id, CatalogController.parseOutcome(request.outcome()),
				CatalogController.parseDate(request.evidenceFor()), request.note() == null ? "" : request.note(),
				Actor.user(authentication.getName()));
		return ApiViews.TestView.of(test);
	}

	@GetMapping("/securityhub-controls")
	@Operation(summary = "The versioned mapping of AWS Security Hub controls to criteria, with rationale")
	List<ApiViews.SecurityHubView> securityHubControls() {
		return catalog.securityHubControls().stream().map(ApiViews.SecurityHubView::of).toList();
	}

	@GetMapping("/accounts")
	@Operation(summary = "AWS accounts in scope")
	List<ApiViews.AccountView> accounts() {
		return accounts.all().stream().map(ApiViews.AccountView::of).toList();
	}

	/**
	 * @param outcome PASSED or FAILED
	 * @param evidenceFor the day the test was performed (YYYY-MM-DD)
	 */
	record TestRequest(@NotBlank String outcome, @NotBlank String evidenceFor,
			@org.jspecify.annotations.Nullable String note) {
	}

}
