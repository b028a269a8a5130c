-- V10 (owned by event-processor): a file may be processed more than once (ProcessMedia after a failed flow, or a
-- new template later). READY now outranks FAILED (FAILED 3, READY 4), so a later successful flow moves a FAILED media
-- to READY while a failed re-run never makes a READY media unplayable. Status still never moves back otherwise.
UPDATE media SET status_rank = 4 WHERE status = 'READY';
