package io.soc2ops.aws;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Wires the AWS settings and clients. The installation's own credentials come from the
 * SDK's default chain (environment, profile, container or instance role) unless the
 * context holds an {@link AwsCredentialsProvider}, as tests against a local endpoint do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsSettings.class)
class AwsConfiguration {

	@Bean(destroyMethod = "close")
	AwsClients awsClients(AwsSettings settings, ObjectProvider<AwsCredentialsProvider> credentials) {
		return new AwsClients(settings, credentials.getIfAvailable());
	}

}
