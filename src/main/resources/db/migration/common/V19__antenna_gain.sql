-- An antenna's gain over isotropic, dBi, taken as constant over angles and frequencies by propagation predictions.
alter table antenna add column gain_dbi double precision not null default 0;
