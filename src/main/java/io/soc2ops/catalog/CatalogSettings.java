package io.soc2ops.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location where the catalog files are read from; point it at a directory
 * ({@code file:/etc/soc2ops/catalog/}) to use a company's own control library and mapping
 */
@ConfigurationProperties("soc2ops.catalog")
record CatalogSettings(@DefaultValue("classpath:catalog/") String location) {

}
