package io.soc2ops.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.aws.AwsAccount;
import io.soc2ops.aws.Region;
import io.soc2ops.catalog.ControlReadiness;
import io.soc2ops.catalog.ControlTest;
import io.soc2ops.catalog.CriterionId;
import io.soc2ops.catalog.CriterionReadiness;
import io.soc2ops.catalog.SecurityHubControl;
import io.soc2ops.evidence.ChainVerification;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.findings.AffectedResource;
import io.soc2ops.findings.FindingDetail;
import io.soc2ops.findings.FindingPage;
import io.soc2ops.findings.FindingSummary;
import io.soc2ops.findings.IntakeResult;
import io.soc2ops.identity.ApiToken;
import io.soc2ops.identity.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shapes of the REST API: stable, flat, and independent of how modules model
 * things.
 */
final class ApiViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiViews() {
	}

	record CriterionView(String id, String group, String titleEn, String titleJa, String status, long controls,
			long passing, long failing, long withoutEvidence) {

		static CriterionView of(CriterionReadiness c) {
			return new CriterionView(c.criterion().id().value(), c.criterion().group(), c.criterion().title().en(),
					c.criterion().title().ja(), c.status().name(), c.controls().size(), c.passing(), c.failing(),
					c.withoutEvidence());
		}

	}

	record CriterionDetail(CriterionView criterion, List<ControlView> controls,
			List<SecurityHubView> securityHubControls, List<String> gaps) {

		static CriterionDetail of(CriterionReadiness c) {
			return new CriterionDetail(CriterionView.of(c), c.controls().stream().map(ControlView::of).toList(),
					c.securityHubControls().stream().map(SecurityHubView::of).toList(),
					c.gaps().stream().map(g -> g.control().id()).toList());
		}

	}

	record ControlView(String id, String area, String titleEn, String titleJa, List<String> criteria,
			List<String> checks, String status, long evidenceEntries, @Nullable TestView latestTest) {

		static ControlView of(ControlReadiness c) {
			var control = c.control();
			return new ControlView(control.id(), control.area(), control.title().en(), control.title().ja(),
					control.criteria().stream().map(CriterionId::value).toList(), control.checks(), c.status().name(),
					c.evidenceEntries(), c.latestTest().map(TestView::of).orElse(null));
		}

	}

	record TestView(String control, String outcome, LocalDate evidenceFor, Instant recordedAt, String by, String note,
			long ledgerSequence) {

		static TestView of(ControlTest t) {
			return new TestView(t.controlId(), t.outcome().name(), t.evidenceFor(), t.recordedAt(), t.by(), t.note(),
					t.ledgerSequence());
		}

	}

	record SecurityHubView(String id, String service, String severity, List<String> standards, String title,
			List<String> criteria, String rationale) {

		static SecurityHubView of(SecurityHubControl c) {
			return new SecurityHubView(c.id(), c.service(), c.severity().name(), c.standards(), c.title(),
					c.criteria().stream().map(CriterionId::value).toList(), c.rationale());
		}

	}

	record EntryView(long sequence, Instant recordedAt, LocalDate evidenceFor, String action, String actor,
			String module, String subject, String payload, String previousHash, String hash) {

		static EntryView of(EvidenceEntry e) {
			return new EntryView(e.sequence(), e.recordedAt(), e.evidenceFor(), e.action(), e.actor().toString(),
					e.module(), e.subject(), e.payload(), e.previousHash(), e.hash());
		}

	}

	record VerificationView(boolean intact, long verified, @Nullable Long brokenAt, @Nullable String reason) {

		static VerificationView of(ChainVerification v) {
			return switch (v) {
				case ChainVerification.Intact i -> new VerificationView(true, i.verified(), null, null);
				case ChainVerification.Broken b -> new VerificationView(false, b.verified(), b.sequence(), b.reason());
			};
		}

	}

	record UserView(String username, String displayName, List<String> roles, boolean enabled, Instant createdAt) {

		static UserView of(User u) {
			return new UserView(u.username().value(), u.displayName(),
					u.roles().stream().map(Enum::name).sorted().toList(), u.enabled(), u.createdAt());
		}

	}

	record TokenView(String id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {

		static TokenView of(ApiToken t) {
			return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
		}

	}

	record AccountView(String id, String name, String environment, List<String> regions) {

		static AccountView of(AwsAccount a) {
			return new AccountView(a.id().value(), a.name(), a.environment().name(),
					a.regions().stream().map(Region::code).toList());
		}

	}

	/**
	 * @param failing a failing control finding that still applies (what readiness counts)
	 */
	record FindingView(String key, String title, String severity, String accountId, String region, String product,
			@Nullable String securityControlId, @Nullable String compliance, String recordState, String workflowStatus,
			boolean failing, String resourceType, String resourceId, Instant updatedAt) {

		static FindingView of(FindingSummary f) {
			return new FindingView(f.key(), f.title(), f.severity().name(), f.accountId(), f.region(), f.productName(),
					f.securityControlId(), f.compliance() == null ? null : f.compliance().name(),
					f.recordState().name(), f.workflowStatus().name(), f.failing(), f.resourceType(), f.resourceId(),
					f.updatedAt());
		}

	}

	/**
	 * @param page 1-based; ask for {@code page + 1} while {@code page < pages}
	 */
	record FindingPageView(List<FindingView> findings, long total, int page, int size, long pages) {

		static FindingPageView of(FindingPage p) {
			return new FindingPageView(p.findings().stream().map(FindingView::of).toList(), p.total(), p.page(),
					p.size(), p.pages());
		}

	}

	record ResourceView(String type, String id, @Nullable String region) {

		static ResourceView of(AffectedResource r) {
			return new ResourceView(r.type(), r.id(), r.region());
		}

	}

	record VersionView(Instant updatedAt, String severity, @Nullable String compliance, String recordState,
			String workflowStatus, Instant recordedAt, String channel) {

		static VersionView of(FindingDetail.Version v) {
			return new VersionView(v.updatedAt(), v.severity().name(),
					v.compliance() == null ? null : v.compliance().name(), v.recordState().name(),
					v.workflowStatus().name(), v.recordedAt(), v.channel().name());
		}

	}

	/**
	 * @param history every version soc2ops accepted, newest first
	 * @param raw the finding as received (ASFF or OCSF), as a JSON object
	 */
	record FindingDetailView(FindingView finding, String findingId, String productArn, String generatorId,
			String format, List<String> types, List<ResourceView> resources, @Nullable Instant firstObservedAt,
			@Nullable Instant lastObservedAt, Instant createdAt, Instant firstSeenAt, Instant lastChangedAt,
			String channel, List<VersionView> history, JsonNode raw) {

		static FindingDetailView of(FindingDetail d) {
			JsonNode raw;
			try {
				raw = JSON.readTree(d.raw());
			}
			catch (JacksonException ex) {
				raw = JSON.getNodeFactory().stringNode(d.raw());
			}
			return new FindingDetailView(FindingView.of(d.summary()), d.findingId(), d.productArn(), d.generatorId(),
					d.format().name(), d.types(), d.resources().stream().map(ResourceView::of).toList(),
					d.firstObservedAt(), d.lastObservedAt(), d.createdAt(), d.firstSeenAt(), d.lastChangedAt(),
					d.channel().name(), d.history().stream().map(VersionView::of).toList(), raw);
		}

	}

	/**
	 * @param title the control's title in the catalog; null for a control the catalog
	 * does not map
	 * @param criteria the criteria it is mapped to
	 */
	record PostureView(String control, @Nullable String title, @Nullable String severity, List<String> criteria,
			long failingResources, long passingResources, String status) {

	}

	/**
	 * @param sha256 digest of the input as received
	 * @param ledgerSequence the ledger entry that records the import
	 */
	record IntakeView(long received, long inserted, long updated, long unchanged, String sha256, long ledgerSequence) {

		static IntakeView of(IntakeResult r) {
			return new IntakeView(r.received(), r.inserted(), r.updated(), r.unchanged(), r.digest(),
					r.ledgerSequence());
		}

	}

}
