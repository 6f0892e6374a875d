package io.soc2ops.aws;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The accounts in scope. Adding one is recorded in the ledger: the scope of the audit is
 * itself evidence.
 */
@Service
public class AwsAccounts {

	private final JdbcClient jdbc;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AwsAccounts(JdbcClient jdbc, EvidenceLedger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public AwsAccount register(AwsAccount account, Actor by) {
		if (find(account.id()).isPresent()) {
			throw new IllegalArgumentException("account " + account.id() + " is already in scope");
		}
		jdbc.sql("INSERT INTO aws_account (account_id, name, environment, regions, added_at)"
				+ " VALUES (:id, :name, :env, :regions, :at)")
			.param("id", account.id().value())
			.param("name", account.name())
			.param("env", account.environment().name())
			.param("regions", account.regions().stream().map(Region::code).collect(Collectors.joining(",")))
			.param("at", OffsetDateTime.now(clock))
			.update();
		ledger.record(new EvidenceRecord("account.added-to-scope", by, "aws", "account:" + account.id(),
				LocalDate.now(clock.withZone(ZoneOffset.UTC)),
				Map.of("name", account.name(), "environment", account.environment().name(), "regions",
						account.regions().stream().map(Region::code).toList())));
		return account;
	}

	@Transactional(readOnly = true)
	public List<AwsAccount> all() {
		return jdbc.sql("SELECT * FROM aws_account ORDER BY environment, name").query(AwsAccounts::account).list();
	}

	@Transactional(readOnly = true)
	public Optional<AwsAccount> find(AccountId id) {
		return jdbc.sql("SELECT * FROM aws_account WHERE account_id = :id")
			.param("id", id.value())
			.query(AwsAccounts::account)
			.optional();
	}

	private static AwsAccount account(ResultSet rs, int row) throws SQLException {
		return new AwsAccount(new AccountId(rs.getString("account_id")), rs.getString("name"),
				Environment.valueOf(rs.getString("environment")),
				Arrays.stream(rs.getString("regions").split(",")).map(Region::new).toList());
	}

}
