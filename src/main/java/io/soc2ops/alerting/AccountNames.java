package io.soc2ops.alerting;

import java.util.Optional;

/**
 * The names people know AWS accounts by, so an alert says "production (123456789012)"
 * rather than twelve digits. Whoever knows the accounts provides it; without one, alerts
 * show the ID alone.
 */
public interface AccountNames {

	Optional<String> nameOf(String accountId);

}
