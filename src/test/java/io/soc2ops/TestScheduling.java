package io.soc2ops;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tests run no recurring tasks and deliver no alerts unless a test turns them on
 * ({@code soc2ops.schedule.enabled=true}, {@code soc2ops.alerting.delivery.enabled=true}
 * in its properties or arguments): the defaults are added with the lowest precedence, so
 * any setting wins over them.
 */
public class TestScheduling implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("soc2ops-test-scheduling",
					Map.of("soc2ops.schedule.enabled", "false", "soc2ops.alerting.delivery.enabled", "false")));
	}

}
