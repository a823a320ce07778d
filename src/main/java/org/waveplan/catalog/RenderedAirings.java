package org.waveplan.catalog;

import java.util.Collection;
import java.util.Set;

/**
 * Which airings have their files rendered: a day whose files are made keeps its episode. The catalog asks;
 * the pipeline, which renders them, answers (so the catalog does not depend on it).
 */
public interface RenderedAirings {

	Set<Long> renderedAmong(Collection<Long> airingIds);

}
