package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Bad IAM and Identity Center settings stop start-up with a message naming the property.
 */
class InventorySettingsTests {

	@Test
	void badIdentityCenterSettingsNameTheProperty() {
		assertThatThrownBy(() -> identityCenter("arn:aws:sso:::instance/not-an-instance", 100))
			.hasMessageStartingWith("soc2ops.aws.identity-center.instance-arn: ");
		assertThatThrownBy(() -> identityCenter(null, 101))
			.hasMessage("soc2ops.aws.identity-center.page-size: must be 1-100 but was 101");
		assertThatThrownBy(
				() -> new IdentityCenterSettings(true, null, null, 100, false, Duration.ZERO, Duration.ofSeconds(1)))
			.hasMessage("soc2ops.aws.identity-center.assignment-wait: must be positive");
	}

	@Test
	void identityCenterIsCalledInItsRegionElseTheHomeRegion() {
		var tokyo = new Region("ap-northeast-1");
		assertThat(identityCenter("arn:aws:sso:::instance/ssoins-1234567890abcdef", 100).regionOr(tokyo))
			.isEqualTo(tokyo);
		assertThat(new IdentityCenterSettings(true, new Region("us-east-1"), " ", 100, false, Duration.ofMinutes(5),
				Duration.ofSeconds(2))
			.regionOr(tokyo)).isEqualTo(new Region("us-east-1"));
	}

	@Test
	void badIamSettingsNameTheProperty() {
		assertThatThrownBy(() -> new IamSettings(true, true, 1001, Duration.ofMinutes(2), Duration.ofSeconds(2)))
			.hasMessage("soc2ops.aws.iam.page-size: must be 1-1000 but was 1001");
		assertThatThrownBy(() -> new IamSettings(true, true, 100, Duration.ofMinutes(-1), Duration.ofSeconds(2)))
			.hasMessage("soc2ops.aws.iam.report-wait: must be positive");
	}

	private static IdentityCenterSettings identityCenter(String instanceArn, int pageSize) {
		return new IdentityCenterSettings(true, null, instanceArn, pageSize, false, Duration.ofMinutes(5),
				Duration.ofSeconds(2));
	}

}
