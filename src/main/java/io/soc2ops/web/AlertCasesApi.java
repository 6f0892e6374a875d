package io.soc2ops.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.soc2ops.alerting.Alert;
import io.soc2ops.alerting.AlertCase;
import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.CaseAction;
import io.soc2ops.alerting.CaseChange;
import io.soc2ops.alerting.CaseDeadlines;
import io.soc2ops.alerting.CaseEvent;
import io.soc2ops.alerting.CaseFile;
import io.soc2ops.alerting.CaseRefused;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * One alert and its case for programs: read it, and change it one action at a time.
 * Refusals are problems: 400 naming the field, 403 for a decision the caller may not
 * take, 409 for an action the case's state does not allow (naming from and to) or a case
 * that moved on from the version sent.
 */
@RestController
@Tag(name = "Alerting", description = "EventBridge-pattern alert rules and the alerts they raise")
class AlertCasesApi {

	private static final Pattern FIELD = Pattern.compile("([a-zA-Z]+): ");

	private final AlertCases cases;

	AlertCasesApi(AlertCases cases) {
		this.cases = cases;
	}

	@GetMapping("/api/v1/alerts/{id}")
	@Operation(summary = "One alert with its case, targets, timeline and the actions the caller may take")
	CaseView alert(@PathVariable String id, Authentication authentication) {
		var file = cases.find(id).orElseThrow(() -> NotFound.of("no alert " + id));
		return view(file, authentication);
	}

	@PostMapping("/api/v1/alerts/{id}/case")
	@Operation(summary = "Change an alert's case: ACKNOWLEDGE, INVESTIGATE, RESOLVE, MARK_FALSE_POSITIVE, "
			+ "ACCEPT_RISK, REOPEN (closing and reopening need a note), ASSIGN (with assignee), NOTE")
	CaseView change(@PathVariable String id, @RequestBody CaseRequest request, Authentication authentication) {
		var file = cases.change(id, request.change(), Actor.user(authentication.getName()));
		return view(file, authentication);
	}

	@ExceptionHandler(CaseRefused.class)
	ProblemDetail refused(CaseRefused ex) {
		var status = switch (ex.reason()) {
			case NO_SUCH_ALERT -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		var problem = ProblemDetail.forStatusAndDetail(status,
				ex.getMessage() + (ex.reason() == CaseRefused.Reason.NO_SUCH_ALERT ? "" : "; nothing was changed"));
		problem.setTitle(switch (ex.reason()) {
			case NO_SUCH_ALERT -> "Not found";
			case INVALID -> "Invalid request";
			case NOT_ALLOWED -> "Not allowed";
			case CONFLICT -> "Conflict";
		});
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	/** A field of the request that is not acceptable: 400, naming it. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message + "; nothing was changed");
		problem.setTitle("Invalid request");
		var field = FIELD.matcher(message);
		if (field.lookingAt()) {
			problem.setProperty("field", field.group(1));
		}
		return problem;
	}

	private CaseView view(CaseFile file, Authentication authentication) {
		return new CaseView(file.alert(), file.alertCase(), file.deadlines(), file.deadlines().breached(),
				file.timeline(), cases.allowed(file.alertCase(), Actor.user(authentication.getName())));
	}

	/**
	 * A change as sent.
	 *
	 * @param version the case version the caller saw; when sent, a case that moved on is
	 * refused with 409 instead of changed
	 */
	record CaseRequest(@Nullable CaseAction action, @Nullable String note, @Nullable String assignee,
			@Nullable Integer version) {

		CaseChange change() {
			if (action == null) {
				throw new IllegalArgumentException("action: is required (one of " + List.of(CaseAction.values()) + ")");
			}
			return new CaseChange(action, note == null ? "" : note, assignee, version);
		}

	}

	/**
	 * An alert, its case and what the caller may do with it.
	 *
	 * @param breached whether the case missed a target or is missing one now
	 */
	record CaseView(Alert alert, @JsonProperty("case") AlertCase alertCase, CaseDeadlines deadlines, boolean breached,
			List<CaseEvent> timeline, Set<CaseAction> allowedActions) {
	}

}
