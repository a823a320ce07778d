package org.waveplan.propagation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SunspotNumberRepository extends JpaRepository<SunspotNumber, String> {

	List<SunspotNumber> findAllByOrderByMonthKey();

}
