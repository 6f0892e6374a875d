package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Business days skip Saturdays, Sundays and the configured holidays.
 */
class BusinessDaysTests {

	static final LocalDate FRIDAY = LocalDate.of(2026, 10, 2);

	@Test
	void theNextBusinessDayAfterAFridayIsMondayUnlessItIsAHoliday() {
		assertThat(new BusinessDays(Set.of()).after(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(new BusinessDays(Set.of(LocalDate.of(2026, 10, 5))).after(FRIDAY, 1))
			.isEqualTo(LocalDate.of(2026, 10, 6));
		assertThat(new BusinessDays(Set.of()).after(FRIDAY, 0)).isEqualTo(FRIDAY);
		assertThat(new BusinessDays(Set.of()).after(LocalDate.of(2026, 10, 5), 3)).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void businessDaysBetweenCountOnlyWeekdaysThatAreNotHolidays() {
		var days = new BusinessDays(Set.of(LocalDate.of(2026, 10, 6)));
		assertThat(days.between(FRIDAY, FRIDAY)).isZero();
		assertThat(days.between(FRIDAY, LocalDate.of(2026, 10, 4))).isZero();
		assertThat(days.between(FRIDAY, LocalDate.of(2026, 10, 5))).isEqualTo(1);
		assertThat(days.between(FRIDAY, LocalDate.of(2026, 10, 7))).isEqualTo(2);
	}

	@Test
	void offboardingSettingsRefuseAZoneOrTargetThatDoesNotHold() {
		assertThat(new OffboardingSettings("Asia/Tokyo", 1, List.of()).zoneId().getId()).isEqualTo("Asia/Tokyo");
		assertThatThrownBy(() -> new OffboardingSettings("Mars/Olympus", 1, List.of()))
			.hasMessageStartingWith("soc2ops.access.offboarding.zone: 'Mars/Olympus'");
		assertThatThrownBy(() -> new OffboardingSettings("UTC", 31, List.of()))
			.hasMessage("soc2ops.access.offboarding.target-business-days: must be 0-30 but was 31");
	}

}
