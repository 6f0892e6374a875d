package io.soc2ops.policies;

import java.util.EnumSet;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Users;

/**
 * Who may draft a policy and who may decide on a version, asked of the identity module
 * (the roles a person holds now, not those their session started with). Deciding needs
 * {@link Capability#APPROVE_POLICIES} and is never the author's: nobody approves their
 * own request. A part of the system (the CLI importing a file, the demo) may draft, but
 * only a person decides.
 */
@Component
class Approvers {

	private final Users users;

	Approvers(Users users) {
		this.users = users;
	}

	Optional<String> refusalToDraft(Actor by) {
		if (by.kind() == Actor.Kind.SYSTEM) {
			return Optional.empty();
		}
		if (users.person(by).filter(user -> Capability.DRAFT_POLICIES.allows(user.roles())).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(by.name() + " may not draft policies (that needs one of the roles "
				+ EnumSet.copyOf(Capability.DRAFT_POLICIES.roles()) + ")");
	}

	Optional<String> refusalToDecide(VulnerabilityPolicyVersion version, Actor by) {
		if (users.person(by).filter(user -> Capability.APPROVE_POLICIES.allows(user.roles())).isEmpty()) {
			return Optional.of(by.name() + " may not approve or reject policies (that needs the role "
					+ String.join(" or ", Capability.APPROVE_POLICIES.roles().stream().map(Enum::name).toList()) + ")");
		}
		if (by.equals(version.draftedBy())) {
			return Optional.of("version " + version.version() + " was drafted by " + by.name()
					+ "; its author may not approve or reject it, another approver must");
		}
		return Optional.empty();
	}

}
