package io.soc2ops.alerting;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Who may do what to a case, asked of the identity module (the roles a person holds now,
 * not the ones their session started with). A person needs
 * {@link Capability#RESPOND_TO_ALERTS}; a part of the system (the demo, a scheduled task)
 * may respond too. Accepting a risk is a risk decision: only an admin may take it, and
 * never the admin the case is assigned to, as nobody approves their own request.
 */
@Component
class Responders {

	private final Users users;

	Responders(Users users) {
		this.users = users;
	}

	/** The actions {@code by} may take on the case as it is, in the table's order. */
	Set<CaseAction> allowed(AlertCase alertCase, Actor by) {
		var allowed = EnumSet.noneOf(CaseAction.class);
		if (!mayRespond(by)) {
			return allowed;
		}
		for (var action : CaseAction.values()) {
			if (action.allowedFrom(alertCase.state())
					&& (action != CaseAction.ACCEPT_RISK || acceptRiskRefusal(alertCase, by).isEmpty())) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/**
	 * @throws CaseRefused when {@code by} may not take the action on this case, or the
	 * case's state does not allow it
	 */
	void check(AlertCase alertCase, CaseAction action, Actor by) {
		if (!mayRespond(by)) {
			throw CaseRefused.notAllowed(by + " may not respond to alerts (that needs one of the roles "
					+ Capability.RESPOND_TO_ALERTS.roles() + ")");
		}
		if (!action.allowedFrom(alertCase.state())) {
			throw CaseRefused.illegal(alertCase, action);
		}
		if (action == CaseAction.ACCEPT_RISK) {
			acceptRiskRefusal(alertCase, by).ifPresent(why -> {
				throw CaseRefused.notAllowed(why);
			});
		}
	}

	/**
	 * @throws CaseRefused naming the assignee when nobody of that name can take the case
	 */
	void checkAssignee(String username) {
		var user = users.find(Username.of(username))
			.orElseThrow(() -> CaseRefused.invalid("assignee", "no user '" + username + "'"));
		if (!user.enabled()) {
			throw CaseRefused.invalid("assignee", "'" + username + "' is disabled");
		}
		if (!Capability.RESPOND_TO_ALERTS.allows(user.roles())) {
			throw CaseRefused.invalid("assignee",
					"'" + username + "' cannot respond to alerts (roles " + EnumSet.copyOf(user.roles()) + ")");
		}
	}

	/** The people a case can be assigned to, by username. */
	List<User> assignable() {
		return users.all()
			.stream()
			.filter(user -> user.enabled() && Capability.RESPOND_TO_ALERTS.allows(user.roles()))
			.toList();
	}

	private boolean mayRespond(Actor by) {
		if (by.kind() == Actor.Kind.SYSTEM) {
			return true;
		}
		return users.person(by).filter(user -> Capability.RESPOND_TO_ALERTS.allows(user.roles())).isPresent();
	}

	private Optional<String> acceptRiskRefusal(AlertCase alertCase, Actor by) {
		if (users.person(by).filter(user -> user.has(Role.ADMIN)).isEmpty()) {
			return Optional.of("accepting a risk is a risk decision only an admin may take; " + by + " is not one");
		}
		if (by.name().equals(alertCase.assignee())) {
			return Optional.of("accepting a risk is a risk decision the case's own assignee (" + by.name()
					+ ") may not take; another admin must");
		}
		return Optional.empty();
	}

}
