package org.waveplan.pipeline;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryProfileRepository extends JpaRepository<DeliveryProfile, Long> {

	Optional<DeliveryProfile> findBySite(String site);

}
