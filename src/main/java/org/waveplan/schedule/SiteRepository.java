package org.waveplan.schedule;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, Long> {

	Optional<Site> findByCode(String code);

	List<Site> findAllByOrderByCode();

}
