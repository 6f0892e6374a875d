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
		}
		return bean;
	}

}
