/**
 * The SOC 2 Trust Services Criteria, the company's controls, the map from AWS Security
 * Hub controls to criteria (versioned data files under {@code classpath:catalog/},
 * validated at start), and each criterion's readiness from the evidence recorded for its
 * controls.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = "evidence")
@org.jspecify.annotations.NullMarked
package io.soc2ops.catalog;
