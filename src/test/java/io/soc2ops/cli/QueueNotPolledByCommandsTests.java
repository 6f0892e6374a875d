package io.soc2ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.TestDatabases;
import io.soc2ops.aws.EventQueue;
import io.soc2ops.aws.local.LocalQueue;

/**
 * A one-shot command (import, aws check, ledger verify) runs in a context without the web
 * server: with a queue configured it still takes no message off it, and it delivers no
 * alerts from the outbox.
 */
class QueueNotPolledByCommandsTests {

	static final LocalQueue sqs = LocalQueue.start();

	@AfterAll
	static void stop() {
		sqs.close();
	}

	@Test
	void aOneShotCommandsContextDoesNotPollTheQueue() {
		String queue = sqs.create("one-shot");
		var arguments = new ArrayList<String>();
		TestDatabases.fresh().forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.addAll(List.of("--soc2ops.aws.enabled=true", "--soc2ops.aws.regions=ap-northeast-1",
				"--soc2ops.aws.endpoint=" + sqs.endpoint(), "--soc2ops.aws.queue.url=" + queue));
		Server.application = Soc2opsApplication.class;

		try (var context = Server.oneShot(arguments, false)) {
			var status = context.getBean(EventQueue.class).status();
			assertThat(status.configured()).isTrue();
			assertThat(status.polling()).isFalse();
			assertThat(context.getBeansOfType(SmartLifecycle.class).keySet()).doesNotContain("queuePoller");
		}
	}

	@Test
	void aOneShotCommandDeliversNoAlertsWhateverItIsGiven() {
		var arguments = new ArrayList<String>();
		TestDatabases.fresh().forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.add("--soc2ops.alerting.delivery.enabled=true");
		Server.application = Soc2opsApplication.class;

		try (var context = Server.oneShot(arguments, false)) {
			assertThat(context.getEnvironment().getProperty("soc2ops.alerting.delivery.enabled")).isEqualTo("false");
			assertThat(context.getBean("deliveryDispatcher", SmartLifecycle.class).isRunning()).isFalse();
		}
	}

}
