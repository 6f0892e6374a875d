package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Access request settings refuse values that cannot work, naming the property, and the
 * backoff doubles up to its cap.
 */
class AccessRequestSettingsTests {

	@Test
	void aValueThatCannotWorkIsRefusedNamingItsProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> requests(Duration.ZERO, Duration.ofMinutes(1), 5))
			.withMessageStartingWith("soc2ops.access.requests.remind-after:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AccessRequestSettings.Requests(null, Duration.ofHours(24), Duration.ofHours(24), 5,
					Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(1), 5))
			.withMessageStartingWith("soc2ops.access.requests.max-retry:");
		assertThatIllegalArgumentException().isThrownBy(() -> requests(Duration.ofHours(1), Duration.ofMinutes(1), 0))
			.withMessageStartingWith("soc2ops.access.requests.grant-tries:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AccessRequestSettings(List.of("AdministratorAccess", " "),
					requests(Duration.ofHours(1), Duration.ofMinutes(1), 5)))
			.withMessageStartingWith("soc2ops.access.privileged-permission-sets:");
	}

	@Test
	void privilegedNamesAreComparedInAnyCaseAndABlankRouteIsNone() {
		var settings = new AccessRequestSettings(List.of(" PowerUserAccess "),
				new AccessRequestSettings.Requests(" ", Duration.ofHours(24), Duration.ofHours(24), 5,
						Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(5), 5));
		assertThat(settings.privileged()).containsExactly("poweruseraccess");
		assertThat(settings.requests().route()).isNull();
		assertThat(settings.requests().backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.requests().backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.requests().backoff(30)).isEqualTo(Duration.ofMinutes(5));
	}

	private static AccessRequestSettings.Requests requests(Duration remindAfter, Duration firstRetry, int grantTries) {
		return new AccessRequestSettings.Requests("approvers", remindAfter, Duration.ofHours(24), 5,
				Duration.ofHours(24), Duration.ofMinutes(1), firstRetry, Duration.ofHours(1), grantTries);
	}

}
