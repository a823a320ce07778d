package org.waveplan.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<Program, Long> {

	Optional<Program> findBySlug(String slug);

	boolean existsBySlug(String slug);

	List<Program> findAllByOrderBySlug();

}
