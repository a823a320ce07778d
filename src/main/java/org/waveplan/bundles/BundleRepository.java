package org.waveplan.bundles;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BundleRepository extends JpaRepository<Bundle, Long> {

	List<Bundle> findAllByOrderByIdDesc();

	List<Bundle> findByState(BundleState state);

	boolean existsBySha256(String sha256);

}
