package io.soc2ops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.soc2ops.access.AccessPeople;
import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.access.AccessRemovals;
import io.soc2ops.access.AccessRequest;
import io.soc2ops.access.AccessRequestFilter;
import io.soc2ops.access.AccessRequestState;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.access.AccessReviews;
import io.soc2ops.access.CredentialFinding;
import io.soc2ops.access.CredentialFindingKind;
import io.soc2ops.access.CredentialFindings;
import io.soc2ops.access.GrantMethod;
import io.soc2ops.access.GrantState;
import io.soc2ops.access.HoldingKind;
import io.soc2ops.access.Offboardings;
import io.soc2ops.access.OffboardingState;
import io.soc2ops.access.PersonKey;
import io.soc2ops.access.RemovalReason;
import io.soc2ops.access.ReviewCampaign;
import io.soc2ops.access.ReviewDecision;
import io.soc2ops.access.ReviewItem;
import io.soc2ops.access.ReviewItemFilter;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * The demo's access lifecycle as {@link DemoAccess} loads it through the access module:
 * requests in every state, approved by people other than the requester and the person
 * (two for AdministratorAccess) and granted by the security engineer; exactly one holding
 * without approval (the Identity Center assignment that appeared without a request);
 * credential findings of the production account; a completed offboarding; a finished
 * review campaign whose evidence downloads and a running one.
 */
@SpringBootTest(properties = "soc2ops.demo.enabled=true")
class DemoAccessTests {

	static final String ITO_MEI = "ito.mei@kumo-logistics.example";

	@Autowired
	AccessRequests requests;

	@Autowired
	AccessReconciliation reconciliation;

	@Autowired
	AccessReviews reviews;

	@Autowired
	AccessRemovals removals;

	@Autowired
	CredentialFindings findings;

	@Autowired
	Offboardings offboardings;

	@Autowired
	AccessPeople people;

	@Autowired
	Users users;

	@Test
	void requestsInEveryStateDecidedByOthersThanTheRequesterAndThePerson() {
		var all = requests.list(AccessRequestFilter.all(), 1000);
		Map<AccessRequestState, Long> byState = all.stream()
			.collect(Collectors.groupingBy(AccessRequest::state, Collectors.counting()));
		assertThat(byState)
			.containsExactlyInAnyOrderEntriesOf(Map.of(AccessRequestState.APPROVED, 12L, AccessRequestState.PENDING, 2L,
					AccessRequestState.REJECTED, 1L, AccessRequestState.WITHDRAWN, 1L, AccessRequestState.EXPIRED, 1L));
		assertThat(all).allSatisfy(request -> assertThat(request.approvals())
			.allSatisfy(approval -> assertThat(approval.approver()).isNotEqualTo(request.requestedBy())));
		var approved = all.stream().filter(r -> r.state() == AccessRequestState.APPROVED).toList();
		assertThat(approved).allSatisfy(request -> {
			assertThat(request.approved()).isEqualTo(request.approvalsNeeded());
			assertThat(request.grants()).allSatisfy(grant -> {
				assertThat(grant.state()).isEqualTo(GrantState.GRANTED);
				assertThat(grant.method()).contains(GrantMethod.OPERATOR);
				assertThat(grant.grantedBy()).contains("user:" + DemoResponders.SECURITY_ENGINEER);
			});
		});
		assertThat(approved).filteredOn(AccessRequest::privileged)
			.hasSize(3)
			.allSatisfy(request -> assertThat(request.approvals()).extracting(a -> a.approver())
				.containsExactlyInAnyOrder("user:" + DemoPolicies.APPROVER, "user:" + DemoAccess.SECOND_APPROVER));
		var pending = all.stream().filter(r -> r.state() == AccessRequestState.PENDING).toList();
		assertThat(pending).extracting(AccessRequest::privileged, AccessRequest::approved)
			.containsExactlyInAnyOrder(tuple(false, 0L), tuple(true, 1L));
		assertThat(pending).allSatisfy(request -> assertThat(
				requests.mayDecide(request, io.soc2ops.evidence.Actor.user(DemoPolicies.APPROVER)))
			.isTrue());
		assertThat(users.find(Username.of(DemoAccess.SECOND_APPROVER)).orElseThrow().roles())
			.containsExactly(Role.APPROVER);
	}

	@Test
	void theExpiredRequestEndedItsGrantAndOpenedARemoval() {
		var expired = requests.list(new AccessRequestFilter(AccessRequestState.EXPIRED, null, null, null), 10)
			.getFirst();
		assertThat(expired.grants()).singleElement().satisfies(grant -> {
			assertThat(grant.state()).isEqualTo(GrantState.ENDED);
			assertThat(grant.removalId()).isPresent();
		});
		var removal = removals.find(expired.grants().getFirst().removalId().orElseThrow()).orElseThrow();
		assertThat(removal.reason()).isEqualTo(RemovalReason.EXPIRED);
		assertThat(removal.done()).isFalse();
	}

	@Test
	void onlyTheAssignmentNobodyApprovedIsFlagged() {
		var open = reconciliation.openExceptions(0, 100);
		assertThat(open).singleElement().satisfies(exception -> {
			assertThat(exception.holding().kind()).isEqualTo(HoldingKind.ASSIGNMENT);
			assertThat(exception.holding().person()).isEqualTo(new PersonKey(ITO_MEI));
			assertThat(exception.holding().accountId()).isEqualTo("444455556666");
			assertThat(exception.holding().entitlement()).isEqualTo("AdministratorAccess");
			assertThat(exception.holding().via()).isEmpty();
		});
		assertThat(reconciliation.latestRun().orElseThrow().covered()).isEqualTo(14);
	}

	@Test
	void theCredentialReportShowsTheOldKeyAndTheConsoleUserWithoutMfa() {
		assertThat(findings.of("444455556666")).extracting(CredentialFinding::user, CredentialFinding::kind)
			.contains(tuple("ci-deploy", CredentialFindingKind.OLD_ACCESS_KEY),
					tuple("legacy-admin", CredentialFindingKind.NO_MFA));
		assertThat(findings.of("444455556666")).extracting(CredentialFinding::user).doesNotContain("<root_account>");
	}

	@Test
	void theContractorWhoLeftWasOffboardedAndIsOutOfHisGroup() {
		var offboarding = offboardings.list(10)
			.stream()
			.filter(o -> o.person().value().startsWith("watanabe.kaito@"))
			.findFirst()
			.orElseThrow();
		assertThat(offboarding.state()).isEqualTo(OffboardingState.COMPLETED_IN_TIME);
		assertThat(offboarding.removals()).hasSize(2)
			.allSatisfy(removal -> assertThat(removal.verifiedAt()).isPresent());
		assertThat(people.find(offboarding.person()).orElseThrow().leftOn())
			.contains(LocalDate.now(ZoneOffset.UTC).minusDays(1));
	}

	@Test
	void oneCampaignIsCompletedWithItsRevocationRemovedAndOneIsUnderWay() throws Exception {
		var campaigns = reviews.list(10);
		assertThat(campaigns).extracting(ReviewCampaign::state)
			.containsExactlyInAnyOrder(ReviewCampaign.State.COMPLETED, ReviewCampaign.State.OPEN);
		var finished = campaigns.stream()
			.filter(c -> c.state() == ReviewCampaign.State.COMPLETED)
			.findFirst()
			.orElseThrow();
		assertThat(finished.snapshotAt()).isBefore(Instant.now().minus(Duration.ofDays(94)));
		assertThat(finished.itemCount()).isEqualTo(17);
		assertThat(finished.revoked()).isEqualTo(1);
		var revoked = items(finished).stream()
			.filter(i -> i.decision().equals(java.util.Optional.of(ReviewDecision.REVOKE)))
			.toList();
		assertThat(revoked).singleElement().satisfies(item -> {
			assertThat(item.person().value()).startsWith("yamamoto.riku@");
			assertThat(item.decidedBy()).contains("user:" + DemoPolicies.APPROVER);
			var removal = removals.find(item.removalId().orElseThrow()).orElseThrow();
			assertThat(removal.done()).isTrue();
			assertThat(removal.verifiedAt()).isPresent();
		});
		assertThat(items(finished))
			.allSatisfy(item -> assertThat(item.decidedBy()).contains("user:" + item.reviewer().orElseThrow()));

		var out = new ByteArrayOutputStream();
		reviews.writeEvidence(finished.id(), out);
		var entries = new ArrayList<String>();
		String csv = "";
		try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.add(entry.getName());
				if (entry.getName().equals("items.csv")) {
					csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(entries).contains("items.csv", "summary.json", "summary.html");
		assertThat(csv.lines().skip(1).count()).isEqualTo(17);

		var running = campaigns.stream().filter(c -> c.state() == ReviewCampaign.State.OPEN).findFirst().orElseThrow();
		assertThat(running.dueAt()).isAfter(Instant.now().plus(Duration.ofDays(9)));
		assertThat(running.itemCount()).isEqualTo(15);
		assertThat(running.decided()).isEqualTo(6);
		Map<String, Long> waiting = items(running).stream()
			.filter(ReviewItem::open)
			.collect(Collectors.groupingBy(item -> item.reviewer().orElse(ReviewItemFilter.UNASSIGNED),
					Collectors.counting()));
		assertThat(waiting).containsExactlyInAnyOrderEntriesOf(
				Map.of(DemoPolicies.APPROVER, 7L, DemoResponders.SRE, 1L, ReviewItemFilter.UNASSIGNED, 1L));
	}

	private List<ReviewItem> items(ReviewCampaign campaign) {
		return reviews.items(campaign.id(), ReviewItemFilter.ALL, "", 1, 500).items();
	}

}
