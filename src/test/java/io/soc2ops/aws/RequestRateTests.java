package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The token bucket behind the per-API rate limits, on a clock the test moves.
 */
class RequestRateTests {

	long now = 1_000_000_000L;

	final List<Long> pauses = new ArrayList<>();

	RequestRate rate(double perSecond) {
		return new RequestRate(perSecond, () -> now, pauses::add);
	}

	@Test
	void allowsABurstOfOneSecondsWorthThenPacesAtTheRate() {
		var rate = rate(3);

		assertThat(List.of(rate.reserve(), rate.reserve(), rate.reserve())).containsOnly(0L);
		assertThat(rate.reserve()).isEqualTo(333_333_334L);
		assertThat(rate.reserve()).isEqualTo(666_666_667L);
	}

	@Test
	void waitingCallersQueueBehindEachOther() throws InterruptedException {
		var rate = rate(2);
		rate.acquire();
		rate.acquire();

		rate.acquire();
		rate.acquire();

		assertThat(pauses).containsExactly(500_000_000L, 1_000_000_000L);
	}

	@Test
	void tokensComeBackWithTimeButNeverBeyondTheBurst() {
		var rate = rate(3);
		for (int i = 0; i < 3; i++) {
			rate.reserve();
		}

		now += 10_000_000_000L;

		assertThat(List.of(rate.reserve(), rate.reserve(), rate.reserve())).containsOnly(0L);
		assertThat(rate.reserve()).isPositive();
	}

	@Test
	void aRateBelowOnePerSecondAllowsOneAtATime() {
		var rate = rate(0.5);

		assertThat(rate.reserve()).isZero();
		assertThat(rate.reserve()).isEqualTo(2_000_000_000L);
	}

	@Test
	void refusesARateThatIsNotPositive() {
		assertThatThrownBy(() -> rate(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
	}

}
