-- V9 (owned by event-processor): the VOD sub-application a task's callbacks arrived for (the ingress path's
-- /{subAppId} or the puller's sub-app), so reconciliation can pass SubAppId to DescribeTaskDetail: accounts opened
-- since 2023-12-25 must, and a task is unknown outside its own sub-application. NULL = not said by any callback.
ALTER TABLE procedure_task ADD COLUMN sub_app_id bigint;
