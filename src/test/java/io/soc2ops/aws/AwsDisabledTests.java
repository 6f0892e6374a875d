package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.soc2ops.evidence.Actor;
import org.springframework.boot.test.context.SpringBootTest;

import io.soc2ops.schedule.ScheduleStatus;
import io.soc2ops.schedule.Schedules;

/**
 * Out of the box soc2ops does not call AWS: the connection check and the collector refuse
 * with a message saying how to turn it on, and neither is scheduled.
 */
@SpringBootTest
class AwsDisabledTests {

	static final Actor TEST = Actor.system("test");

	@Autowired
	ConnectionCheck connections;

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	Schedules schedules;

	@Test
	void awsIsOffByDefaultAndNeitherCheckNorCollectionRuns() {
		assertThat(connections.setup().enabled()).isFalse();
		assertThat(connections.setup().mode()).isEqualTo("SINGLE_ACCOUNT");
		assertThatThrownBy(() -> connections.check(TEST)).isInstanceOf(AwsDisabledException.class)
			.hasMessageContaining("soc2ops.aws.enabled=true");
		assertThatThrownBy(() -> collector.collect(TEST)).isInstanceOf(AwsDisabledException.class);
		assertThat(connections.latest()).isEmpty();
		assertThat(collector.syncs()).isEmpty();
		assertThat(schedules.status()).as("recurring tasks")
			.extracting(ScheduleStatus::task)
			.noneMatch(task -> task.startsWith("aws."));
	}

}
