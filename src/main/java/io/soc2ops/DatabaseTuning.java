package io.soc2ops;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Driver settings soc2ops relies on for bulk writes: on PostgreSQL, batched inserts are
 * sent as multi-row statements, which makes imports several times faster.
 */
@Component
class DatabaseTuning implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			pool.addDataSourceProperty("reWriteBatchedInserts", "true");
			// a long import fills a table inside one transaction, where no ANALYZE can
			// see the
			// rows: a generic plan made while the table was empty (a scan) would be kept
			// for the
			// whole import, so plan each execution for the table as it is
			pool.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
		}
		return bean;
	}

}
