package io.soc2ops.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recurring tasks on this instance ({@code soc2ops.schedule.*}).
 *
 * @param enabled whether this instance runs recurring tasks: on for {@code serve} and
 * {@code demo}; one-shot commands never run them. An instance with it off still shows the
 * schedules, so a cluster may leave it on in only some instances
 * @param pollingInterval how often the instance looks for a due task
 * @param threads how many tasks it runs at the same time (1-2: the machine may be small)
 * @param instanceName the name the instance holds a running task under; by default its
 * host name
 * @param stopWait how long stopping the instance waits for a running task; a task left
 * running is taken up again by another instance once its heartbeat has gone stale
 */
@ConfigurationProperties("soc2ops.schedule")
record ScheduleSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollingInterval,
		@DefaultValue("1") int threads, @DefaultValue("") String instanceName, @DefaultValue("30s") Duration stopWait) {

	static final int MAX_INSTANCE_NAME = 100;

	ScheduleSettings {
		if (pollingInterval.isNegative() || pollingInterval.isZero()) {
			throw new IllegalArgumentException("soc2ops.schedule.polling-interval: must be positive");
		}
		if (threads < 1 || threads > 2) {
			throw new IllegalArgumentException("soc2ops.schedule.threads: must be 1 or 2 but was " + threads);
		}
		if (stopWait.isNegative()) {
			throw new IllegalArgumentException("soc2ops.schedule.stop-wait: must not be negative");
		}
		instanceName = instanceName.isBlank() ? hostName() : instanceName.strip();
		if (instanceName.length() > MAX_INSTANCE_NAME) {
			throw new IllegalArgumentException(
					"soc2ops.schedule.instance-name: at most " + MAX_INSTANCE_NAME + " characters");
		}
	}

	private static String hostName() {
		String name = System.getenv("HOSTNAME");
		if (name != null && !name.isBlank()) {
			return shortened(name.strip());
		}
		try {
			return shortened(InetAddress.getLocalHost().getHostName());
		}
		catch (UnknownHostException ex) {
			return "soc2ops";
		}
	}

	private static String shortened(String name) {
		return name.length() <= MAX_INSTANCE_NAME ? name : name.substring(0, MAX_INSTANCE_NAME);
	}

}
