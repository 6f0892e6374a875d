package io.soc2ops.access;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the people directory may change about a person; each field replaces the stored
 * value, an empty one clears it.
 *
 * @param manager a soc2ops username that exists and is enabled
 * @param soc2opsUser a soc2ops username that exists
 */
public record PersonChange(Optional<String> manager, Optional<String> soc2opsUser, Optional<LocalDate> leftOn) {

}
