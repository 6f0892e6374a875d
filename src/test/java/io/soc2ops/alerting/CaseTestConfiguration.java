package io.soc2ops.alerting;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.soc2ops.MovableClock;

/**
 * The context of the case tests: a clock they set, and a second receiver of reminders
 * beside the ledger's and Slack's, which keeps what it was told.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(MovableClock.Configuration.class)
public class CaseTestConfiguration {

	@Bean
	ToldReminders toldReminders() {
		return new ToldReminders();
	}

	/** Every reminder it was told of, in order. */
	static class ToldReminders implements CaseReminders {

		record Told(String alertId, CaseReminder reminder) {
		}

		private final List<Told> told = new CopyOnWriteArrayList<>();

		@Override
		public void remind(Alert alert, CaseReminder reminder) {
			told.add(new Told(alert.id(), reminder));
		}

		List<CaseReminder> of(String alertId) {
			return told.stream().filter(t -> t.alertId().equals(alertId)).map(Told::reminder).toList();
		}

	}

}
