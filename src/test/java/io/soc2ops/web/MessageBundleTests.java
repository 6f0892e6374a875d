package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.catalog.TestOutcome;

/**
 * English and Japanese stay in step, and every message a template asks for exists.
 */
class MessageBundleTests {

	@Test
	void englishAndJapaneseHaveTheSameKeys() throws IOException {
		assertThat(load("messages_ja.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void japaneseIsActuallyTranslated() throws IOException {
		var ja = load("messages_ja.properties");
		var en = load("messages.properties");
		long untranslated = ja.stringPropertyNames()
			.stream()
			.filter(k -> ja.getProperty(k).equals(en.getProperty(k)))
			.count();
		assertThat(untranslated).as("messages identical in both languages").isLessThan(3);
	}

	@Test
	void everyMessageATemplateUsesExists() throws IOException {
		var keys = load("messages.properties").stringPropertyNames();
		var used = new TreeSet<String>();
		var literal = Pattern.compile("#\\{([a-zA-Z.]+)[}(]");
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				literal.matcher(Files.readString(template)).results().forEach(m -> used.add(m.group(1)));
			}
		}
		assertThat(keys).containsAll(used);
		for (var status : ReadinessStatus.values()) {
			assertThat(keys).contains("status." + status);
		}
		for (var outcome : TestOutcome.values()) {
			assertThat(keys).contains("outcome." + outcome);
		}
		for (String group : Set.of("CC1", "CC9", "A1", "C1", "PI1", "P1", "P8")) {
			assertThat(keys).contains("group." + group);
		}
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var in = MessageBundleTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
