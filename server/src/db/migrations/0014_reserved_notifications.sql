-- Placeholder for migration 0014 (notifications, another branch): lets 0015 run on this branch.
-- The lead drops this file at merge.
SELECT 1;
