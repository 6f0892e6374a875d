package io.soc2ops.web;

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

import io.soc2ops.catalog.CatalogException;
import io.soc2ops.identity.IdentityException;
import tools.jackson.databind.DatabindException;

/**
 * REST errors as RFC 9457 problem details that name what was wrong: the field of a bad
 * request body, the rule a change broke. A missing record is 404, never a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

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
