package io.soc2ops.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTests {

	@Test
	void handsOverEveryItemInOrderInChunksWithThePositionReached() {
		var chunks = new ArrayList<ReadAhead.Items<Integer>>();
		try (var reading = new ReadAhead<Integer>("test", 4, sink -> {
			for (int i = 1; i <= 10; i++) {
				sink.accept(i, i * 100L);
			}
		})) {
			ReadAhead.Items<Integer> items;
			while (!(items = reading.next()).isEnd()) {
				chunks.add(items);
			}
		}

		assertThat(chunks).extracting(ReadAhead.Items::items)
			.containsExactly(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
		assertThat(chunks).extracting(ReadAhead.Items::position).containsExactly(400L, 800L, 1000L);
	}

	@Test
	void aFailureOfTheProducerReachesTheConsumerAfterTheChunksBeforeIt() {
		try (var reading = new ReadAhead<Integer>("test", 2, sink -> {
			sink.accept(1, 1);
			sink.accept(2, 2);
			throw FindingRejected.at(3, 1, "Id", "is required");
		})) {
			assertThat(reading.next().items()).containsExactly(1, 2);
			assertThatThrownBy(reading::next).isInstanceOf(FindingRejected.class).hasMessageContaining("record 3");
			assertThat(reading.next().isEnd()).isTrue();
		}
	}

	@Test
	void closingStopsAProducerThatIsStillReading() throws Exception {
		var stopped = new CountDownLatch(1);
		var produced = new AtomicInteger();
		var reading = new ReadAhead<Integer>("test", 1, sink -> {
			try {
				while (true) {
					sink.accept(produced.incrementAndGet(), 0);
				}
			}
			finally {
				stopped.countDown();
			}
		});
		assertThat(reading.next().items()).containsExactly(1);

		reading.close();

		assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(produced.get()).as("only a few chunks are read ahead").isLessThan(10);
	}

}
