-- The reporting week (2023-W41) of the last report that raised, mentioned or was counted silent on a problem item:
-- a unit's second report in the same week (an added detail, a typo fixed) is not "the next report", so it neither
-- counts towards closing the item as 未再提及 nor starts a new week of silence. Empty for items from before.
ALTER TABLE problem_item ADD COLUMN counted_week TEXT;
