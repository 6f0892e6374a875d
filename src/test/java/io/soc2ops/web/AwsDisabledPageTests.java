package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.aws.ConnectionCheck;

/**
 * The AWS page of an installation that has not turned AWS on (the default): it says so,
 * with the settings that turn it on, offers no buttons, and a check asked for anyway
 * calls nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AwsDisabledPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConnectionCheck connections;

	@Test
	void saysAwsIsOffAndHowToTurnItOn() throws Exception {
		String html = mvc.perform(get("/aws").with(user("alice").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"aws-disabled\"", "AWS is not connected", "SOC2OPS_AWS_ENABLED=true",
				"SOC2OPS_AWS_REGIONS=", "SOC2OPS_AWS_MODE=");
		assertThat(html).doesNotContain("id=\"aws-check-button\"", "id=\"aws-collect-button\"", "hx-trigger");
		assertThat(html).contains("No connection check yet.", "Nothing collected yet.", "id=\"aws-policy-json\"");
	}

	@Test
	void aCheckAskedForAnywayIsRefusedWithTheSettingToChange() throws Exception {
		mvc.perform(post("/aws/check").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/aws"))
			.andExpect(flash().attribute("problem",
					"AWS is not connected: set soc2ops.aws.enabled=true and soc2ops.aws.regions first"));
		mvc.perform(post("/aws/collect").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/aws"));

		assertThat(connections.run()).isEmpty();
		assertThat(connections.latestReport()).isEmpty();
	}

	@Test
	void japaneseSpeakersReadItInJapanese() throws Exception {
		String html = mvc.perform(get("/aws?lang=ja").with(user("alice").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("AWS に接続されていません", "最小権限の IAM ポリシー");
	}

}
