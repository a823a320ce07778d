package org.waveplan.delivery;

/** Where an airing's delivery stands, from its site's point of view. */
enum DeliveryState {

	/** its render is not done */
	WAITING,
	/** its file is ready to fetch */
	READY,
	/** the site has read the file to its end (with {@code site-files=redirect}: was sent to the store for it) */
	FETCHED,
	/** the site has confirmed it holds the file, by its hash */
	CONFIRMED,
	/** not confirmed by its deadline */
	LATE

}
