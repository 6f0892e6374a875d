package io.soc2ops.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The criteria, the company's controls and the Security Hub mapping, loaded once at
 * start. A file that does not validate stops start-up with the file and line to fix.
 */
@Service
@EnableConfigurationProperties(CatalogSettings.class)
public class Catalog {

	private final CatalogData data;

	private final Map<CriterionId, Criterion> criteria;

	private final Map<String, Control> controls;

	private final Map<String, SecurityHubControl> securityHub;

	private final Map<String, SecurityHubControl> byStandardRequirement;

	@Autowired
	Catalog(ResourceLoader resources, CatalogSettings settings) {
		this(new CatalogLoader(resources, settings.location()).load());
	}

	Catalog(CatalogData data) {
		this.data = data;
		this.criteria = index(data.criteria(), Criterion::id);
		this.controls = index(data.controls(), Control::id);
		this.securityHub = index(data.securityHubControls(), SecurityHubControl::id);
		this.byStandardRequirement = new java.util.HashMap<>();
		for (var control : data.securityHubControls()) {
			control.standards()
				.stream()
				.filter(s -> s.contains(":"))
				.forEach(s -> byStandardRequirement.putIfAbsent(s, control));
		}
	}

	public List<Criterion> criteria() {
		return data.criteria().stream().sorted(Comparator.comparing(Criterion::id)).toList();
	}

	public Optional<Criterion> criterion(CriterionId id) {
		return Optional.ofNullable(criteria.get(id));
	}

	public List<Control> controls() {
		return data.controls();
	}

	public Optional<Control> control(String id) {
		return Optional.ofNullable(controls.get(id));
	}

	public List<Control> controlsFor(CriterionId criterion) {
		return data.controls().stream().filter(c -> c.criteria().contains(criterion)).toList();
	}

	public List<SecurityHubControl> securityHubControls() {
		return data.securityHubControls();
	}

	public Optional<SecurityHubControl> securityHubControl(String id) {
		return Optional.ofNullable(securityHub.get(id));
	}

	/**
	 * The consolidated control behind a requirement of a standard, such as
	 * {@code CIS-1.2.0:1.3} for findings of the older, per-standard control IDs.
	 */
	public Optional<SecurityHubControl> securityHubControlForRequirement(String standard, String requirement) {
		return Optional.ofNullable(byStandardRequirement.get(standard + ":" + requirement));
	}

	public List<SecurityHubControl> securityHubControlsFor(CriterionId criterion) {
		return data.securityHubControls().stream().filter(c -> c.criteria().contains(criterion)).toList();
	}

	/** Versions of the criteria file and of the Security Hub mapping, for reports. */
	public String version() {
		return "criteria " + data.criteriaVersion() + ", mapping " + data.mappingVersion();
	}

	private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
	}

}
