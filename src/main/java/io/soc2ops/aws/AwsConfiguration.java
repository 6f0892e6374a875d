package io.soc2ops.aws;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.soc2ops.findings.FindingsIntake;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Wires the AWS settings and clients. The installation's own credentials come from the
 * SDK's default chain (environment, profile, container or instance role) unless the
 * context holds an {@link AwsCredentialsProvider}, as tests against a local endpoint do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AwsSettings.class, InspectorSettings.class, QueueSettings.class,
		WriteBackSettings.class, IamSettings.class, IdentityCenterSettings.class })
class AwsConfiguration {

	@Bean(destroyMethod = "close")
	AwsClients awsClients(AwsSettings settings, ObjectProvider<AwsCredentialsProvider> credentials) {
		return new AwsClients(settings, credentials.getIfAvailable());
	}

	/**
	 * Only in the server: one-shot commands (import, aws check, ledger verify) run
	 * without a web server and must not take messages off the queue. It polls only when a
	 * queue URL is set.
	 */
	@Bean
	@ConditionalOnWebApplication
	QueuePoller queuePoller(QueueSettings settings, AwsSettings aws, AwsClients clients, FindingsIntake intake,
			EventQueue queue, MeterRegistry metrics) {
		var delivery = new QueueDelivery(String.valueOf(settings.url()), intake, queue, metrics);
		return new QueuePoller(settings, aws, clients, delivery, queue, metrics);
	}

}
