package io.soc2ops.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.access.AccessPeople;
import io.soc2ops.access.AccessPerson;
import io.soc2ops.access.CredentialFinding;
import io.soc2ops.access.CredentialFindings;
import io.soc2ops.access.PersonChange;
import io.soc2ops.access.PersonKey;
import io.soc2ops.evidence.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The people directory (ADMIN, OPERATOR, APPROVER and AUDITOR read it; ADMIN and OPERATOR
 * change it) and the credential checks' findings (those who read the AWS connection).
 * Refusals are problems: 400 naming the field, 403, 404 for an unknown person.
 */
@RestController
@RequestMapping("/api/v1/access")
@Tag(name = "Access")
class AccessPeopleApi {

	private final AccessPeople people;

	private final CredentialFindings findings;

	AccessPeopleApi(AccessPeople people, CredentialFindings findings) {
		this.people = people;
		this.findings = findings;
	}

	@GetMapping("/people")
	@Operation(summary = "People whose key, name or e-mail contains q (all when empty), by key")
	List<AccessPerson> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "200") int limit) {
		return people.list(q, limit);
	}

	@GetMapping("/people/{person}")
	@Operation(summary = "One person")
	AccessPerson one(@PathVariable String person) {
		return people.find(key(person)).orElseThrow(() -> NotFound.of("person " + person + " is not known"));
	}

	@PutMapping("/people/{person}")
	@Operation(summary = "Set a person's manager and soc2ops user (existing soc2ops usernames) and leaving day;"
			+ " a missing or null field clears it")
	AccessPerson change(@PathVariable String person, @RequestBody PersonFields fields, Authentication authentication) {
		return people.change(key(person), fields.change(), Actor.user(authentication.getName()));
	}

	@GetMapping("/credential-findings")
	@Operation(summary = "What the credential checks find in the newest credential report of each account")
	List<CredentialFinding> credentialFindings() {
		return findings.current();
	}

	static PersonKey key(String text) {
		try {
			return new PersonKey(text);
		}
		catch (IllegalArgumentException ex) {
			throw NotFound.of("person " + text + " is not known");
		}
	}

	/** A person's fields as sent. */
	record PersonFields(@Nullable String manager, @Nullable String soc2opsUser, @Nullable LocalDate leftOn) {

		PersonChange change() {
			return new PersonChange(text(manager), text(soc2opsUser), Optional.ofNullable(leftOn));
		}

		static Optional<String> text(@Nullable String value) {
			return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
		}

	}

}
