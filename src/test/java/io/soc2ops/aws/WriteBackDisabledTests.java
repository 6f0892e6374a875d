package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.alerting.FindingWorkflowUpdate;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.findings.FindingKey;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Write-back is off unless both AWS and write-back are enabled: then an alert's workflow
 * update is neither kept for delivery nor sent, and the AWS page says how to turn it on.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1" })
@AutoConfigureMockMvc
class WriteBackDisabledTests {

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class Credentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalSettings.credentials("111122223333");
		}

	}

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void withWriteBackOffAnUpdateIsNeitherKeptForDeliveryNorSent() throws Exception {
		String alertId = UUID.randomUUID().toString();
		var update = new FindingWorkflowUpdate(alertId,
				new FindingKey("arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + alertId,
						"arn:aws:securityhub:ap-northeast-1::product/aws/guardduty"),
				"444455556666", "ap-northeast-1", FindingWorkflowUpdate.Status.NOTIFIED, "soc2ops alert", "soc2ops");

		new TransactionTemplate(transactions).executeWithoutResult(status -> context.publishEvent(update));

		assertThat(context.getBeansOfType(FindingWriteBack.class)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = :type")
			.param("type", FindingWorkflowUpdate.class.getName())
			.query(Long.class)
			.single()).isZero();
		assertThat(aws.calls()).isEmpty();
		String page = mvc.perform(get("/aws").with(user("carol").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Off. To turn it on", "SOC2OPS_AWS_WRITE_BACK=true",
				"securityhub:BatchUpdateFindings");
	}

	@Test
	void withAwsOffWriteBackStaysOffWhateverItsOwnSetting() {
		new ApplicationContextRunner().withPropertyValues("soc2ops.aws.write-back.enabled=true")
			.withUserConfiguration(FindingWriteBack.class)
			.run(context -> assertThat(context).doesNotHaveBean(FindingWriteBack.class));
		new ApplicationContextRunner()
			.withPropertyValues("soc2ops.aws.enabled=false", "soc2ops.aws.write-back.enabled=true")
			.withUserConfiguration(FindingWriteBack.class)
			.run(context -> assertThat(context).doesNotHaveBean(FindingWriteBack.class));
	}

}
