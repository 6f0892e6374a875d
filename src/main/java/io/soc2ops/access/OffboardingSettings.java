package io.soc2ops.access;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Offboarding's target ({@code soc2ops.access.offboarding.*}): every holding of a person
 * who leaves is to be removed by the end of the {@code targetBusinessDays}th business day
 * after the leaving day, days ending in {@code zone}. A value that does not hold stops
 * start-up naming the property.
 *
 * @param zone the time zone the company's days end in
 * @param targetBusinessDays 0 (by the end of the leaving day) to 30
 * @param holidays days that are not business days besides Saturdays and Sundays
 */
@ConfigurationProperties(OffboardingSettings.PREFIX)
record OffboardingSettings(@DefaultValue("Asia/Tokyo") String zone, @DefaultValue("1") int targetBusinessDays,
		@DefaultValue List<LocalDate> holidays) {

	static final String PREFIX = "soc2ops.access.offboarding";

	OffboardingSettings {
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(PREFIX + ".zone: '" + zone + "' is not a time zone such as Asia/Tokyo",
					ex);
		}
		if (targetBusinessDays < 0 || targetBusinessDays > 30) {
			throw new IllegalArgumentException(
					PREFIX + ".target-business-days: must be 0-30 but was " + targetBusinessDays);
		}
		holidays = List.copyOf(holidays);
	}

	ZoneId zoneId() {
		return ZoneId.of(zone);
	}

	BusinessDays businessDays() {
		return new BusinessDays(java.util.Set.copyOf(holidays));
	}

}
