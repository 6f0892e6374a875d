package io.soc2ops.vulnerabilities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a requester asks for; {@link RiskAcceptances#request} checks every part and names
 * the one that does not hold.
 *
 * @param vulnerabilities the IDs of the vulnerabilities to except
 * @param reason why the risk is accepted
 * @param compensatingControl what reduces the risk meanwhile
 * @param expiresOn the last day the exception holds (UTC): after today, at most
 * {@value RiskAcceptances#MAX_DAYS} days ahead
 */
public record RiskAcceptanceRequest(List<Long> vulnerabilities, @Nullable String reason,
		@Nullable String compensatingControl, @Nullable LocalDate expiresOn) {

	public RiskAcceptanceRequest {
		vulnerabilities = List.copyOf(vulnerabilities);
	}

}
