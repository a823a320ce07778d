-- the smoothed sunspot number (SSN, 0-300) of each month, which a prediction for that month takes unless it is given
-- one. The month is its 'yyyy-MM' key: text sorts as months, and H2 and PostgreSQL keep it alike (MONTH is a keyword
-- of H2).
create table sunspot_number (
    month_key varchar(7)    primary key,
    ssn       numeric(4, 1) not null check (ssn between 0 and 300),
    set_by    varchar(60)   not null,
    set_at    timestamp with time zone not null
);
