package org.waveplan.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

	List<Episode> findByProgramOrderById(Program program);

	Optional<Episode> findFirstBySha256(String sha256);

	Optional<Episode> findByIdAndProgram(Long id, Program program);

}
