-- Agendas (one row per participant, all written again at each publication) keep their text in the row: as CLOBs,
-- HSQLDB wrote each to its own file with a sync, and publishing 2,000 agendas took 15 to 25 s instead of 1 to 3 s.
-- ${rowText} is VARCHAR(16777216) on HSQLDB (an agenda is a few kilobytes) and TEXT, unchanged, on PostgreSQL.
ALTER TABLE agendas ALTER COLUMN body SET DATA TYPE ${rowText};
