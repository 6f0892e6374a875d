package io.soc2ops.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.soc2ops.access.AccessRefused;
import io.soc2ops.alerting.AlertingException;
import io.soc2ops.catalog.CatalogException;
import io.soc2ops.findings.FindingRejected;
import io.soc2ops.identity.IdentityException;
import io.soc2ops.policies.PolicyRefused;
import tools.jackson.databind.DatabindException;

/**
 * REST errors as RFC 9457 problem details that name what was wrong: the field of a bad
 * request body, the rule a change broke. A missing record is 404, never a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	/** How {@link FindingRejected} names where the problem is. */
	private static final Pattern REJECTED_AT = Pattern.compile("record ([0-9]+)(?: \\(line ([0-9]+)\\))?: ([^:]+): .*",
			Pattern.DOTALL);

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
	}

	@ExceptionHandler(CatalogException.class)
	ProblemDetail catalog(CatalogException ex) {
		return ex.isNotFound() ? problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage())
				: problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused", ex.getMessage());
	}

	@ExceptionHandler(IdentityException.class)
	ProblemDetail identity(IdentityException ex) {
		return ex.isNotFound() ? problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage())
				: problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused", ex.getMessage());
	}

	/**
	 * Findings that cannot be taken: the detail names the record and field, and the
	 * {@code record}, {@code line} and {@code field} properties repeat them for programs.
	 */
	@ExceptionHandler(FindingRejected.class)
	ProblemDetail findingRejected(FindingRejected ex) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Findings rejected", ex.getMessage() + "; nothing was stored");
		Matcher at = REJECTED_AT.matcher(String.valueOf(ex.getMessage()));
		if (at.matches()) {
			problem.setProperty("record", Long.parseLong(at.group(1)));
			if (at.group(2) != null) {
				problem.setProperty("line", Long.parseLong(at.group(2)));
			}
			problem.setProperty("field", at.group(3));
		}
		return problem;
	}

	/**
	 * A policy refusal: a missing version is 404, a bad field 400 (naming it in
	 * {@code field}), a person who may not decide 403, a version already decided 409.
	 */
	@ExceptionHandler(PolicyRefused.class)
	ProblemDetail policyRefused(PolicyRefused ex) {
		var problem = switch (ex.reason()) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
			case INVALID ->
				problem(HttpStatus.BAD_REQUEST, "Invalid policy", ex.getMessage() + "; nothing was changed");
			case NOT_ALLOWED -> problem(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage() + "; nothing was changed");
			case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage() + "; nothing was changed");
		};
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * An access refusal: a missing record is 404, a bad field 400, a step the caller may
	 * not take 403, a record in the wrong state 409.
	 */
	@ExceptionHandler(AccessRefused.class)
	ProblemDetail accessRefused(AccessRefused ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
			case INVALID ->
				problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage() + "; nothing was changed");
			case FORBIDDEN -> problem(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage() + "; nothing was changed");
			case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage() + "; nothing was changed");
		};
	}

	/**
	 * Alerting's refusals, for the alerting controllers that take them: a missing rule,
	 * route or delivery is 404; anything else is {@code refusal}, saying nothing changed.
	 */
	static ProblemDetail alerting(AlertingException ex, HttpStatus refusal) {
		return ex.isNotFound() ? problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage())
				: problem(refusal, "Refused", ex.getMessage() + "; nothing was changed");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "the request body is not valid JSON for this endpoint";
		if (ex.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
			String field = bad.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			detail = "field '" + field + "': " + bad.getOriginalMessage().lines().findFirst().orElse("invalid");
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request body", detail));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getFieldErrors()
			.stream()
			.map(error -> "field '" + error.getField() + "' " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
		problem.setTitle(title);
		return problem;
	}

}
