package io.soc2ops.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the {@code aws} module hands what it read of IAM and IAM Identity Center: each
 * sync is stored in one transaction as dated versions of the objects, a sync row and
 * (Identity Center) the holdings it makes, so any moment of the audit period can be
 * replayed. A sync cut short (a page failed) stores what it read and closes nothing. Each
 * sync is a ledger entry; one that changed anything publishes
 * {@link AccessInventoryChanged}.
 */
@Service
public class AccessInventory {

	public static final String IAM = "IAM";

	public static final String IDENTITY_CENTER = "IDENTITY_CENTER";

	static final Actor COLLECTOR = Actor.system("aws-collector");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InventorySyncs syncs;

	private final InventoryHoldings holdings;

	private final AccessRemovals removals;

	private final EvidenceLedger ledger;

	private final ApplicationEventPublisher events;

	AccessInventory(InventorySyncs syncs, InventoryHoldings holdings, AccessRemovals removals, EvidenceLedger ledger,
			ApplicationEventPublisher events) {
		this.syncs = syncs;
		this.holdings = holdings;
		this.removals = removals;
		this.ledger = ledger;
		this.events = events;
	}

	/** Stores one account's IAM users, groups, roles and managed policies. */
	@Transactional
	public InventoryStored iamCollected(IamInventory inventory) {
		var takenAt = inventory.takenAt().truncatedTo(ChronoUnit.MILLIS);
		long syncId = syncs.open(IAM, inventory.accountId(), takenAt, "collector", inventory.complete(),
				inventory.detail());
		var seen = inventory.objects().stream().map(object -> new InventorySyncs.Named(object, null)).toList();
		var changes = syncs.store(IAM, inventory.accountId(), takenAt, inventory.complete(), seen);
		syncs.count(syncId, changes.objects());
		var stored = new InventoryStored(syncId, changes.objects(), changes.written(), changes.closed(), 0, 0);
		record(IAM, inventory.accountId(), inventory.complete(), inventory.detail(), seen, stored, takenAt);
		if (changes.any()) {
			events.publishEvent(new AccessInventoryChanged(IAM, inventory.accountId(), takenAt));
		}
		return stored;
	}

	/**
	 * Stores an Identity Center instance's users, groups, memberships, permission sets
	 * and account assignments, brings the ASSIGNMENT holdings and the people behind the
	 * users up to date, and marks verified the removals whose holdings are gone.
	 */
	@Transactional
	public InventoryStored identityCenterCollected(IdentityCenterInventory inventory) {
		var takenAt = inventory.takenAt().truncatedTo(ChronoUnit.MILLIS);
		var dated = withTime(inventory, takenAt);
		boolean complete = dated.complete();
		String scope = inventory.instanceArn();
		long syncId = syncs.open(IDENTITY_CENTER, scope, takenAt, "collector", complete, inventory.detail());
		var seen = objects(inventory);
		var changes = syncs.store(IDENTITY_CENTER, scope, takenAt, complete, seen);
		syncs.count(syncId, changes.objects());
		var derived = holdings.derive(syncId, dated);
		if (complete) {
			removals.verifyGone(takenAt);
		}
		var stored = new InventoryStored(syncId, changes.objects(), changes.written(), changes.closed(),
				derived.opened(), derived.closed());
		record(IDENTITY_CENTER, scope, complete, inventory.detail(), seen, stored, takenAt);
		if (changes.any() || derived.any()) {
			events.publishEvent(new AccessInventoryChanged(IDENTITY_CENTER, scope, takenAt));
		}
		return stored;
	}

	private static IdentityCenterInventory withTime(IdentityCenterInventory inventory, Instant takenAt) {
		if (inventory.takenAt().equals(takenAt)) {
			return inventory;
		}
		return new IdentityCenterInventory(inventory.instanceArn(), inventory.identityStoreId(),
				inventory.instanceDocument(), takenAt, inventory.complete(), inventory.detail(), inventory.users(),
				inventory.groups(), inventory.memberships(), inventory.permissionSets(), inventory.assignments());
	}

	private static List<InventorySyncs.Named> objects(IdentityCenterInventory inventory) {
		var seen = new ArrayList<InventorySyncs.Named>();
		seen.add(new InventorySyncs.Named(
				new InventoryObject("idc-instance", inventory.instanceArn(), inventory.instanceDocument()), null));
		for (var user : inventory.users()) {
			seen.add(new InventorySyncs.Named(new InventoryObject("idc-user", user.userId(), user.document()),
					user.person().value()));
		}
		for (var group : inventory.groups()) {
			seen.add(new InventorySyncs.Named(new InventoryObject("idc-group", group.groupId(), group.document()),
					key(group.displayName())));
		}
		for (var membership : inventory.memberships()) {
			var document = JSON.createObjectNode()
				.put("GroupId", membership.groupId())
				.put("UserId", membership.userId())
				.put("MembershipId", membership.membershipId());
			seen.add(new InventorySyncs.Named(new InventoryObject("idc-membership",
					membership.groupId() + "/" + membership.userId(), JSON.writeValueAsString(document)), null));
		}
		for (var set : inventory.permissionSets()) {
			seen.add(new InventorySyncs.Named(new InventoryObject("permission-set", set.arn(), set.document()),
					key(set.name())));
		}
		for (var assignment : inventory.assignments()) {
			var document = JSON.createObjectNode()
				.put("AccountId", assignment.accountId())
				.put("PermissionSetArn", assignment.permissionSetArn())
				.put("PrincipalType", assignment.principalType())
				.put("PrincipalId", assignment.principalId());
			seen.add(new InventorySyncs.Named(
					new InventoryObject("idc-assignment", assignment.key(), JSON.writeValueAsString(document)), null));
		}
		return seen;
	}

	private static String key(String name) {
		return InventorySyncs.shorten(name.strip().toLowerCase(Locale.ROOT), 512);
	}

	private void record(String source, String scope, boolean complete, String detail, List<InventorySyncs.Named> seen,
			InventoryStored stored, Instant takenAt) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("source", source);
		payload.put("scope", scope);
		payload.put("takenAt", takenAt.toString());
		payload.put("complete", complete);
		if (!detail.isBlank()) {
			payload.put("detail", InventorySyncs.shorten(detail, InventorySyncs.MAX_DETAIL));
		}
		payload.put("objects", InventorySyncs.kinds(seen));
		payload.put("written", stored.written());
		payload.put("closed", stored.closed());
		if (source.equals(IDENTITY_CENTER)) {
			payload.put("holdingsOpened", stored.holdingsOpened());
			payload.put("holdingsClosed", stored.holdingsClosed());
		}
		ledger.record(new EvidenceRecord("access.inventory-synced", COLLECTOR, "access",
				"access-inventory-sync:" + stored.syncId(), LocalDate.ofInstant(takenAt, ZoneOffset.UTC), payload));
	}

}
