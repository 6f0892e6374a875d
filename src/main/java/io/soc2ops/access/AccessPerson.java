package io.soc2ops.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A human behind AWS principals, as the people directory knows them.
 *
 * @param soc2opsUser the soc2ops user who is this person, when there is one
 * @param manager the soc2ops user who reviews this person's access
 * @param leftOn the last working day, once known
 */
public record AccessPerson(PersonKey person, String displayName, Optional<String> email, Optional<String> soc2opsUser,
		Optional<String> manager, Optional<LocalDate> leftOn, Instant updatedAt) {

}
