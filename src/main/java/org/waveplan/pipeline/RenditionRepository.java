package org.waveplan.pipeline;

import org.springframework.data.jpa.repository.JpaRepository;

interface RenditionRepository extends JpaRepository<Rendition, String> {

}
