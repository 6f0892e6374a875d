package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The findings pager's links carry the filters exactly as typed, whatever characters a
 * search holds.
 */
class FindingsPagerLinkTests {

	@Test
	void aSearchWithAmpersandPlusAndSpacesComesBackAsTyped() {
		var filters = new FindingsController.Filters("444455556666", null, "HIGH", null, null, null, null,
				"S3 & KMS+1 100%");
		String link = filters.link(2);
		var query = UriComponentsBuilder.fromUriString(link).build(true).getQueryParams();
		assertThat(query.getFirst("q")).isEqualTo("S3%20%26%20KMS%2B1%20100%25");
		assertThat(java.net.URLDecoder.decode(query.getFirst("q"), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("S3 & KMS+1 100%");
		assertThat(query.getFirst("page")).isEqualTo("2");
		assertThat(query.getFirst("account")).isEqualTo("444455556666");
		assertThat(query).doesNotContainKey("region");
	}

	@Test
	void theFirstPageWithoutFiltersIsThePlainList() {
		var filters = new FindingsController.Filters(null, null, null, null, null, null, null, " ");
		assertThat(filters.link(1)).isEqualTo("/findings");
		assertThat(filters.any()).isFalse();
	}

}
