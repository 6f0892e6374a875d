package io.soc2ops.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page or resource that does not exist: 404, never a 500.
 */
final class NotFound {

	private NotFound() {
	}

	static ResponseStatusException of(String what) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, what);
	}

	static io.soc2ops.catalog.CriterionId criterionId(String value) {
		try {
			return io.soc2ops.catalog.CriterionId.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw of("no criterion " + value);
		}
	}

}
