package io.soc2ops.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.soc2ops.alerting.Alert;
import io.soc2ops.alerting.AlertCases;
import io.soc2ops.alerting.CaseAction;
import io.soc2ops.alerting.CaseChange;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Two people of the demo company who answer alerts: a security engineer (operator) and an
 * SRE (engineer). They exist to act in the demo's story; their passwords are random and
 * never shown, so nobody signs in as them.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoResponders {

	static final String SECURITY_ENGINEER = "sato.yui";

	static final String SRE = "tanaka.ken";

	private final Users users;

	private final AlertCases cases;

	DemoResponders(Users users, AlertCases cases) {
		this.users = users;
		this.cases = cases;
	}

	/**
	 * One case in progress, one resolved, one a false positive, one acknowledged; the
	 * rest new.
	 */
	void workSomeCases(List<Alert> alerts) {
		var sato = securityEngineer();
		var tanaka = sre();
		titled(alerts, "Potential credential compromise").ifPresent(alert -> {
			work(alert, sato, CaseChange.assign(SECURITY_ENGINEER), CaseChange.of(CaseAction.ACKNOWLEDGE),
					CaseChange.of(CaseAction.INVESTIGATE), CaseChange.of(CaseAction.NOTE,
							"Sessions of kumo-ci-deployer revoked; reviewing CloudTrail for the calls in the sequence."));
		});
		titled(alerts, "Credentials for instance role").ifPresent(alert -> {
			work(alert, tanaka, CaseChange.of(CaseAction.ACKNOWLEDGE), CaseChange.of(CaseAction.INVESTIGATE),
					CaseChange.of(CaseAction.RESOLVE,
							"Instance replaced from a clean AMI and the role's older sessions "
									+ "revoked; no use of the credentials after that in CloudTrail."));
		});
		titled(alerts, "Bitcoin").ifPresent(alert -> {
			work(alert, tanaka, CaseChange.of(CaseAction.ACKNOWLEDGE), CaseChange.of(CaseAction.MARK_FALSE_POSITIVE,
					"Staging load test of the wallet integration, approved in change CHG-231; the instance is gone."));
		});
		titled(alerts, "Unprotected port").ifPresent(alert -> {
			work(alert, sato, CaseChange.of(CaseAction.ACKNOWLEDGE), CaseChange.assign(SRE));
		});
	}

	/** The security engineer (an operator), created if the demo has not yet. */
	Actor securityEngineer() {
		return responder(SECURITY_ENGINEER, "佐藤 結衣 (Security)", Role.OPERATOR);
	}

	/** The SRE (an engineer), created if the demo has not yet. */
	Actor sre() {
		return responder(SRE, "田中 健 (SRE)", Role.ENGINEER);
	}

	private void work(Alert alert, Actor by, CaseChange... changes) {
		for (var change : changes) {
			cases.change(alert.id(), change, by);
		}
	}

	private Actor responder(String name, String displayName, Role role) {
		var username = Username.of(name);
		if (users.find(username).isEmpty()) {
			users.create(username, displayName, Set.of(role), randomPassword(), Actor.system("demo"));
		}
		return Actor.user(name);
	}

	private static Optional<Alert> titled(List<Alert> alerts, String part) {
		return alerts.stream().filter(alert -> alert.title().contains(part)).findFirst();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

}
