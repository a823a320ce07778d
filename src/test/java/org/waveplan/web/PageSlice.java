package org.waveplan.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web UI's own handling of a page that fails, for a {@code @WebMvcTest} slice of a module's pages, which picks
 * up no exception resolver of its own: without it a page's error would be answered as the API's problem JSON.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PageErrors.class)
public class PageSlice {

}
