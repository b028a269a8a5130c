-- The reconciler takes open tasks never checked first, then those checked longest ago.
CREATE INDEX procedure_task_recheck_idx ON procedure_task (last_checked_at NULLS FIRST, updated_at) WHERE status_rank < 3;
