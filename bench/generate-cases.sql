-- Fills a GovService database with a large, realistic case history, set-based (INSERT … SELECT
-- generate_series), for the reviewer-queue benchmark (bench/review-queue.sh) and any other measurement
-- that needs volume.
--
-- Usage (the portal must have migrated and seeded the demo county first: Seed__Demo=true):
--   psql -h 127.0.0.1 -p 55432 -U gov -d <database> -v cases=1000000 -f bench/generate-cases.sql
-- Variables (psql -v):
--   cases  number of cases to add                           (default 1000000)
--   days   how far back they reach, in days (two years)     (default 730)
--   seed   setseed() value: the same seed gives the same data (default 0.42)
--
-- What it writes (everything it reads comes from the seeded database: published items and their
-- versions, departments, halls, clerks, reviewers, the routing templates and the holiday calendar):
--   gov.int_cases           `cases` cases, created uniformly over the last `days` days; 55 % at a window
--                           (on working days, 08:30-17:30), 44 % online (any time), 1 % by post. Items are
--                           picked with realistic weights (frequent: ID cards, social-security cards,
--                           individual businesses, food licences …; see the `weights` list below).
--                           States follow the lifecycle: 即办件 are decided at the window (Completed; 3 %
--                           NotAccepted, 1.5 % Withdrawn); 承诺件 are accepted (online ones after pre-review,
--                           one or two working days later), reviewed for 35-100 % of their promised limit
--                           (3 % overdue by 1-30 working days; 5 % paused for a 补正 of 1-20 working days,
--                           a tenth of them 20-80; 2 % in a 特别程序 of 5-30), then Completed (or Denied,
--                           Withdrawn, Terminated, AwaitingDelivery). Those whose review is not over today are
--                           InReview / SupplementRequested / SpecialProcedure; those not yet pre-reviewed
--                           are Submitted; 1.5 % of online cases are abandoned Drafts (no number).
--                           Numbers: 361131 + yyyyMMdd (Asia/Shanghai, day of submission) + 5-digit daily
--                           sequence, continuing after any number already in the database;
--                           gov.int_case_counters is moved on so the portal's next number does not collide.
--                           Query codes: 6 characters of the portal's alphabet. Applicants: 75 % people
--                           (Chinese names, 18-digit ID numbers with a valid check digit), 25 % organisations
--                           (unified social credit codes with a valid check character). Due dates use
--                           gov.cal_days (holidays and 调休 working weekends), like the portal.
--   gov.apr_case_clocks     one per accepted 承诺件 (start, limits, promised and statutory due dates).
--   gov.apr_tasks           the steps of every accepted 承诺件: the item's current routing template (food
--                           licence: two 市场监管局 steps; outdoor advertising: 住建局 + 市场监管局 会签,
--                           then 住建局) or one 审查决定 step at the implementing department. Finished cases
--                           have Passed/Decided (or Cancelled) steps; cases in review have Passed steps
--                           before the current stage, Open steps in it (35 % claimed by the department's
--                           reviewer where it has one) and Waiting steps after it. Due dates move with pauses.
--   gov.apr_clock_segments  the pauses above (open ones have no end day).
-- Not written (the queue does not read them): materials, files, steps of int_case_steps, task actions,
-- recomputations, citizen accounts (applicant_user_id stays empty).
-- Rows are written in chronological order, as a live system would have appended them (heap and index
-- locality: the open steps sit in the newest pages). Afterwards: VACUUM ANALYZE of the tables written
-- (repeated until they are all-visible), then the time taken, the table sizes, the cases per state and the
-- queue sizes per department are printed.
\set ON_ERROR_STOP on
\if :{?cases}
\else
  \set cases 1000000
\endif
\if :{?days}
\else
  \set days 730
\endif
\if :{?seed}
\else
  \set seed 0.42
\endif
\pset footer off
SET client_min_messages = warning;
SET temp_buffers = '1GB';
SELECT clock_timestamp() AS gen_t0, (now() AT TIME ZONE 'Asia/Shanghai')::date AS today \gset
\echo == generating :cases cases over :days days up to :today (seed :seed)

BEGIN;
SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '512MB';
SET LOCAL synchronous_commit = off;
SELECT setseed(:seed) \gset

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM gov.org_departments WHERE short_name = '市场监管局')
     OR NOT EXISTS (SELECT 1 FROM gov.cat_item_versions WHERE status = 2) THEN
    RAISE EXCEPTION 'the demo county and catalog are missing: start the portal once with Seed__Demo=true first';
  END IF;
END $$;

-- 18-digit resident ID: GB 11643 check digit (ISO 7064 MOD 11-2) of the first 17 digits.
CREATE FUNCTION pg_temp.id_check(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT substr('10X98765432', 1 + (
      substr(t, 1, 1)::int * 7 + substr(t, 2, 1)::int * 9 + substr(t, 3, 1)::int * 10 + substr(t, 4, 1)::int * 5
    + substr(t, 5, 1)::int * 8 + substr(t, 6, 1)::int * 4 + substr(t, 7, 1)::int * 2 + substr(t, 8, 1)::int * 1
    + substr(t, 9, 1)::int * 6 + substr(t, 10, 1)::int * 3 + substr(t, 11, 1)::int * 7 + substr(t, 12, 1)::int * 9
    + substr(t, 13, 1)::int * 10 + substr(t, 14, 1)::int * 5 + substr(t, 15, 1)::int * 8 + substr(t, 16, 1)::int * 4
    + substr(t, 17, 1)::int * 2) % 11, 1)
$f$;

-- Unified social credit code: GB 32100 check character of the first 17 characters.
CREATE FUNCTION pg_temp.uscc_check(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (31 - (
      (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 1, 1)) - 1) * 1
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 2, 1)) - 1) * 3
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 3, 1)) - 1) * 9
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 4, 1)) - 1) * 27
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 5, 1)) - 1) * 19
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 6, 1)) - 1) * 26
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 7, 1)) - 1) * 16
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 8, 1)) - 1) * 17
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 9, 1)) - 1) * 20
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 10, 1)) - 1) * 29
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 11, 1)) - 1) * 25
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 12, 1)) - 1) * 13
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 13, 1)) - 1) * 8
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 14, 1)) - 1) * 24
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 15, 1)) - 1) * 10
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 16, 1)) - 1) * 30
    + (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(t, 17, 1)) - 1) * 28) % 31) % 31, 1)
$f$;

-- A version-7 UUID (time-ordered, like Guid.CreateVersion7() in the portal) for an instant.
CREATE FUNCTION pg_temp.uuid7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $f$
  SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0')
          || '7' || substr(md5(random()::text), 1, 3)
          || substr('89ab', 1 + floor(random() * 4)::int, 1) || substr(md5(random()::text), 1, 15))::uuid
$f$;

-- Working days (the portal's rule: gov.cal_days exceptions, otherwise Monday-Friday), numbered.
CREATE TEMP TABLE cal AS
SELECT d::date AS d, COALESCE(NOT x.is_off_day, extract(isodow FROM d) < 6) AS working
FROM generate_series(:'today'::date - (:days + 90), :'today'::date + 500, interval '1 day') d
LEFT JOIN gov.cal_days x ON x.date = d::date;
-- n: number of the day if it is a working day, else of the last working day before it.
CREATE TEMP TABLE caln AS SELECT d, working, sum(working::int) OVER (ORDER BY d)::int AS n FROM cal;
CREATE TEMP TABLE wd AS SELECT n, d FROM caln WHERE working;
CREATE UNIQUE INDEX ON caln (d);
CREATE UNIQUE INDEX ON wd (n);
SELECT n AS today_n FROM caln WHERE d = :'today'::date \gset

-- Published items with their implementing department, its responsible hall and a volume weight.
CREATE TEMP TABLE items AS
SELECT row_number() OVER (ORDER BY i.basic_code)::int AS k,
       i.id AS item_id, v.id AS version_id, v.name, i.basic_code, v.case_kind,
       v.promised_limit, v.promised_unit, v.statutory_limit, v.statutory_unit, v.visits_needed,
       i.department_id,
       COALESCE((SELECT h.id FROM gov.org_halls h WHERE h.region_id = d.region_id ORDER BY h.kind LIMIT 1),
                (SELECT h.id FROM gov.org_halls h WHERE h.kind = 1 LIMIT 1)) AS hall_id,
       COALESCE(w.weight, 1.0) AS weight
FROM gov.cat_items i
JOIN gov.cat_item_versions v ON v.item_id = i.id AND v.status = 2
JOIN gov.org_departments d ON d.id = i.department_id
LEFT JOIN (VALUES -- weights: relative yearly volume of a county hall (default 1)
  ('000707003000', 8.0),  -- 居民身份证换领
  ('002005002000', 6.0),  -- 社会保障卡申领
  ('002006001000', 6.0),  -- 城乡居民医保参保登记
  ('000104001000', 6.0),  -- 个体工商户设立登记
  ('002006004000', 5.0),  -- 异地就医备案
  ('000104004000', 20.0), -- 食品经营许可（新办）
  ('000104003000', 4.0),  -- 营业执照变更
  ('002019001000', 4.0),  -- 养老待遇资格认证
  ('000104002000', 3.0),  -- 企业设立登记
  ('002005001000', 3.0),  -- 城乡居民养老参保登记
  ('000709002000', 3.0),  -- 二手房转移登记
  ('002017002000', 3.0),  -- 医保缴费代办
  ('001004005000', 4.0),  -- 食品小作坊登记
  ('000104006000', 2.0),  -- 药品零售企业经营许可
  ('000108002000', 2.0),  -- 户外广告设施设置审批
  ('000707001000', 2.0),  -- 居住证
  ('000707002000', 2.0),  -- 新生儿落户
  ('002003003000', 2.0),  -- 生育登记
  ('002003002000', 2.0),  -- 出生医学证明
  ('000702003000', 2.0),  -- 结婚登记
  ('002006002000', 2.0),  -- 新生儿医保参保
  ('002001001000', 2.0),  -- 帮办代办
  ('000505004000', 2.0),  -- 失业保险金申领
  ('000516002000', 2.0),  -- 高龄津贴
  ('000516001000', 2.0)   -- 耕地地力保护补贴
) w(code, weight) ON w.code = i.basic_code;

-- 1000 slots shared out by weight: a uniform slot number picks an item with its weight's probability.
CREATE TEMP TABLE item_slots AS
WITH c AS (
  SELECT k, sum(weight) OVER (ORDER BY k) / sum(weight) OVER () AS hi,
         (sum(weight) OVER (ORDER BY k) - weight) / sum(weight) OVER () AS lo
  FROM items)
SELECT s AS slot, c.k FROM generate_series(0, 999) s JOIN c ON (s + 0.5) / 1000.0 >= c.lo AND (s + 0.5) / 1000.0 < c.hi;

-- The steps of each 承诺件: its current routing template, or one deciding step at the implementing department.
CREATE TEMP TABLE item_steps AS
SELECT it.k, s.template_id, s.stage, s.mode, s.name, s.department_id, s.limit_working_days, s.decides, s.chief_may_decide,
       max(s.stage) OVER (PARTITION BY it.k) AS stages,
       row_number() OVER (PARTITION BY it.k, s.stage ORDER BY s.name) AS pos,
       count(*) OVER (PARTITION BY it.k, s.stage) AS in_stage
FROM items it
JOIN gov.apr_route_templates t ON t.basic_code = it.basic_code AND t.is_current
JOIN gov.apr_route_steps s ON s.template_id = t.id
WHERE it.case_kind = 2
UNION ALL
SELECT it.k, '00000000-0000-0000-0000-000000000000'::uuid, 1, 1, '审查决定', it.department_id, greatest(1, it.promised_limit), true, false, 1, 1, 1
FROM items it
WHERE it.case_kind = 2 AND NOT EXISTS (SELECT 1 FROM gov.apr_route_templates t WHERE t.basic_code = it.basic_code AND t.is_current);

CREATE TEMP TABLE reviewers AS
SELECT DISTINCT ON (department_id) department_id, id AS staff_id, name FROM gov.org_staff WHERE role = 'Reviewer' AND department_id IS NOT NULL ORDER BY department_id, name;
CREATE TEMP TABLE clerks AS
SELECT DISTINCT ON (hall_id) hall_id, id AS staff_id FROM gov.org_staff WHERE role = 'Clerk' AND hall_id IS NOT NULL ORDER BY hall_id, name;
SELECT format('   setup: %s published items (%s 承诺件), %s working days in the calendar',
  (SELECT count(*) FROM items), (SELECT count(*) FROM items WHERE case_kind = 2), (SELECT count(*) FROM wd)) AS msg \gset
\echo :msg

-- 1. One row per case with its random draws.
CREATE TEMP TABLE g AS
SELECT s AS i, floor(random() * :days)::int AS age, floor(random() * 1000)::int AS slot,
       random() AS u_time, random() AS u_chan, random() AS u_state, random() AS u_dur, random() AS u_over,
       random() AS u_pause, random() AS u_plen, random() AS u_acc, random() AS u_step, random() AS u_claim,
       random() AS u_kind
FROM generate_series(1, :cases) s;

-- 2. Channel, item, when it was created and accepted, how long its review takes.
CREATE TEMP TABLE c1 AS
SELECT g.*, it.k, it.case_kind,
       CASE WHEN g.u_chan < 0.55 THEN 1 WHEN g.u_chan < 0.77 THEN 2 WHEN g.u_chan < 0.99 THEN 3 ELSE 4 END AS channel,
       CASE WHEN it.promised_unit = 2 THEN ceil(it.promised_limit * 5 / 7.0)::int ELSE it.promised_limit END AS limit_wd
FROM g JOIN item_slots s ON s.slot = g.slot JOIN items it ON it.k = s.k;

CREATE TEMP TABLE c2 AS
SELECT c1.*,
       -- window and post: on working days in office hours; online: any day, any hour
       CASE WHEN c1.channel IN (1, 4) THEN w.d ELSE x.d END AS created_day
FROM c1
JOIN caln x ON x.d = :'today'::date - c1.age
JOIN wd w ON w.n = x.n;

CREATE TEMP TABLE c3 AS
SELECT c2.*,
       least((c2.created_day + CASE WHEN c2.channel IN (1, 4) THEN interval '8 hours 30 minutes' + c2.u_time * interval '9 hours'
                                    ELSE c2.u_time * interval '24 hours' END) AT TIME ZONE 'Asia/Shanghai',
             now() - c2.u_time * interval '1 hour') AS created_at
FROM c2;

CREATE TEMP TABLE c4 AS
SELECT c3.*, x.n AS created_n,
       -- window: accepted on the spot; online and post: pre-reviewed on the next working day or the one after
       CASE WHEN c3.channel = 1 THEN x.n ELSE x.n + 1 + (c3.u_acc < 0.3)::int END AS acc_n,
       -- review length in working days (3 % overdue by 1-30)
       CASE WHEN c3.case_kind = 1 THEN 0
            WHEN c3.u_over < 0.03 THEN greatest(1, c3.limit_wd) + 1 + floor(c3.u_dur * 30)::int
            ELSE greatest(1, ceil(greatest(1, c3.limit_wd) * (0.35 + 0.65 * c3.u_dur)))::int END AS dur,
       -- pauses: 5 % 补正 (1-20 working days, a tenth of them 20-80), 2 % 特别程序 (5-30)
       CASE WHEN c3.case_kind = 1 THEN 0
            WHEN c3.u_pause < 0.005 THEN 20 + floor(c3.u_plen * 60)::int
            WHEN c3.u_pause < 0.05 THEN 1 + floor(c3.u_plen * 20)::int
            WHEN c3.u_pause < 0.07 THEN 5 + floor(c3.u_plen * 25)::int
            ELSE 0 END AS pause_wd,
       CASE WHEN c3.case_kind = 1 OR c3.u_pause >= 0.07 THEN 0 WHEN c3.u_pause < 0.05 THEN 2 ELSE 3 END AS pause_kind
FROM c3 JOIN caln x ON x.d = (c3.created_at AT TIME ZONE 'Asia/Shanghai')::date;

CREATE TEMP TABLE c5 AS
SELECT c4.*,
       c4.acc_n + c4.dur / 2 AS pause_from_n,
       c4.acc_n + c4.dur + c4.pause_wd AS finish_n,
       CASE WHEN c4.channel = 1 THEN c4.created_at + (10 + floor(c4.u_acc * 30)) * interval '1 minute'
            ELSE (a.d + interval '9 hours' + c4.u_acc * interval '8 hours') AT TIME ZONE 'Asia/Shanghai' END AS accepted_at
FROM c4 JOIN wd a ON a.n = c4.acc_n;

-- 3. The state each case is in today.
CREATE TEMP TABLE cs AS
SELECT c5.*,
       CASE
         WHEN c5.channel IN (2, 3) AND c5.u_state < 0.015 THEN 1                              -- Draft (abandoned)
         WHEN c5.accepted_at > now() THEN 2                                                 -- Submitted, waiting for pre-review
         WHEN c5.u_state < 0.045 THEN 4                                                     -- NotAccepted
         WHEN c5.case_kind = 1 THEN CASE WHEN c5.u_state < 0.06 THEN 13 ELSE 12 END          -- 即办件: Withdrawn / Completed
         WHEN c5.finish_n > :today_n OR (c5.finish_n = :today_n AND c5.u_time < 0.5) THEN    -- still in review
           CASE WHEN c5.pause_kind > 0 AND c5.pause_from_n <= :today_n AND c5.pause_from_n + c5.pause_wd > :today_n
                THEN CASE c5.pause_kind WHEN 2 THEN 3 ELSE 8 END ELSE 7 END
         WHEN c5.u_state < 0.06 THEN 13                                                     -- Withdrawn
         WHEN c5.u_state < 0.07 AND c5.pause_kind = 2 THEN 14                               -- Terminated (補正 never answered)
         WHEN c5.u_state < 0.09 THEN 10                                                     -- Denied
         WHEN c5.finish_n = :today_n THEN 9                                                 -- Approved today
         WHEN c5.finish_n >= :today_n - 2 AND c5.u_acc < 0.5 THEN 11                        -- AwaitingDelivery
         ELSE 12                                                                            -- Completed
       END AS state
FROM c5;
ALTER TABLE cs ADD COLUMN routed boolean;
UPDATE cs SET routed = (case_kind = 2 AND state NOT IN (1, 2, 4));

-- Case numbers: county code, day of submission, daily sequence after what the database already holds.
CREATE TEMP TABLE existing_seq AS
SELECT to_date(substr(number, 7, 8), 'YYYYMMDD') AS day, max(substr(number, 15, 5)::int) AS last
FROM gov.int_cases WHERE number ~ '^361131[0-9]{13}$' GROUP BY 1
UNION ALL SELECT day, last FROM gov.int_case_counters WHERE region = '361131';
CREATE TEMP TABLE numbered AS
SELECT i, day, seq + COALESCE((SELECT max(e.last) FROM existing_seq e WHERE e.day = q.day), 0) AS seq
FROM (SELECT i, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
             row_number() OVER (PARTITION BY (created_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY created_at, i) AS seq
      FROM cs WHERE state <> 1) q;
CREATE UNIQUE INDEX ON numbered (i);
DO $$ BEGIN
  IF (SELECT max(seq) FROM numbered) > 99999 THEN RAISE EXCEPTION 'more than 99999 cases on one day: raise days or lower cases'; END IF;
END $$;

SELECT format('   plan: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

-- 4. int_cases.
CREATE TEMP TABLE new_cases AS
SELECT pg_temp.uuid7(cs.created_at) AS id, cs.*
FROM cs;
CREATE UNIQUE INDEX ON new_cases (i);

INSERT INTO gov.int_cases (
  id, number, query_code, item_id, item_version_id, item_name, basic_code, case_kind, applicant_kind, applicant_name,
  applicant_id_type, applicant_id_number, applicant_user_id, agent_user_id, contact_name, contact_mobile, channel, hall_id,
  clerk_staff_id, state, created_at, submitted_at, accepted_at, closed_at, promised_due_date, statutory_due_date,
  due_date_provisional, visits, deficiency_due_date, termination_reason, decided_by_staff_id, decided_at, decision_opinion,
  refusal_reason, refusal_basis, form_data, promised_visits, bundle_code, bundle_key, bundle_name, review_started_at)
SELECT
  n.id,
  CASE WHEN n.state = 1 THEN NULL ELSE '361131' || to_char(nb.day, 'YYYYMMDD') || lpad(nb.seq::text, 5, '0') END,
  substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1)
    || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1)
    || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1) || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1),
  it.item_id, it.version_id, it.name, it.basic_code, it.case_kind,
  CASE WHEN p.org THEN 2 ELSE 1 END,
  CASE WHEN p.org THEN p.org_name ELSE p.person END,
  CASE WHEN p.org THEN '001' ELSE '111' END,
  CASE WHEN p.org THEN p.uscc17 || pg_temp.uscc_check(p.uscc17) ELSE p.id17 || pg_temp.id_check(p.id17) END,
  NULL, NULL,
  CASE WHEN p.org THEN p.contact ELSE p.person END,
  p.mobile,
  n.channel, it.hall_id,
  CASE WHEN n.channel = 1 THEN (SELECT staff_id FROM clerks cl WHERE cl.hall_id = it.hall_id) END,
  n.state, n.created_at,
  CASE WHEN n.state = 1 THEN NULL ELSE n.created_at END,
  CASE WHEN n.state IN (1, 2, 4) THEN NULL ELSE n.accepted_at END,
  CASE WHEN n.state = 4 THEN least(n.accepted_at, now())
       WHEN n.case_kind = 1 AND n.state IN (12, 13) THEN n.accepted_at + interval '20 minutes'
       WHEN n.state IN (10, 12, 13, 14) THEN (fin.d + interval '10 hours' + n.u_time * interval '6 hours') AT TIME ZONE 'Asia/Shanghai' END,
  CASE WHEN n.state IN (1, 2, 4) THEN NULL WHEN n.case_kind = 1 THEN (n.accepted_at AT TIME ZONE 'Asia/Shanghai')::date
       WHEN it.promised_unit = 2 THEN acc.d + it.promised_limit + n.pause_wd ELSE pd.d END,
  CASE WHEN n.state IN (1, 2, 4) THEN NULL
       WHEN it.statutory_unit = 2 THEN acc.d + it.statutory_limit + n.pause_wd ELSE sd.d END,
  false,
  CASE WHEN n.channel = 1 THEN 1 + (n.u_claim < 0.05)::int WHEN n.state IN (12) AND it.visits_needed > 0 THEN 1 ELSE 0 END,
  NULL,
  CASE WHEN n.state = 14 THEN '申请人逾期未补正材料，依法终止办理' ELSE '' END,
  CASE WHEN n.state IN (9, 10, 11, 12) AND n.routed THEN (SELECT staff_id FROM reviewers r WHERE r.department_id = it.department_id) END,
  CASE WHEN n.state IN (9, 10, 11, 12) AND n.routed THEN least(now(), (fin.d + interval '10 hours') AT TIME ZONE 'Asia/Shanghai')
       WHEN n.state = 12 THEN n.accepted_at + interval '15 minutes' END,
  CASE WHEN n.state = 10 THEN '经审查，申请材料不符合法定条件，不予许可' WHEN n.state IN (9, 11, 12) AND n.routed THEN '经审查，符合法定条件，准予许可' ELSE '' END,
  CASE WHEN n.state = 4 THEN '申请事项不属于本机关职权范围或申请材料不符合法定形式且无法当场补正' ELSE '' END,
  CASE WHEN n.state = 4 THEN '《中华人民共和国行政许可法》第三十二条' ELSE '' END,
  '{}'::jsonb,
  it.visits_needed, '', NULL, '',
  CASE WHEN n.routed THEN n.accepted_at + interval '30 minutes' END
FROM new_cases n
JOIN items it ON it.k = n.k
LEFT JOIN numbered nb ON nb.i = n.i
JOIN wd acc ON acc.n = n.acc_n
LEFT JOIN wd fin ON fin.n = n.finish_n
LEFT JOIN wd pd ON pd.n = n.acc_n + it.promised_limit + n.pause_wd
LEFT JOIN wd sd ON sd.n = n.acc_n + it.statutory_limit + n.pause_wd
CROSS JOIN LATERAL (
  SELECT n.u_kind < 0.25 AS org,
         (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗','郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡','余','杜','叶','程','苏','魏','吕','丁','任','沈','姚','卢','姜','崔','钟','谭','陆','汪','范','金','石','廖','贾','夏','韦','付','方','白','邹','孟','熊','秦','邱','江','尹','薛','闫','段','雷','侯','龙','史','陶','黎','贺','顾','毛','郝','龚','邵','万','钱','严','覃','武','戴','莫','孔','汤','向'])[1 + floor(random() * 100)::int]
         || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平','刚','桂','英','华','文','玉','兰','辉','建','国','志','红','金','海','云','春','燕','晓','丹','宇','鹏','飞','浩','鑫','婷','雪','琳','俊','峰','斌','亮','林','荣','新','凤','梅','萍','波','宁','欣'])[1 + floor(random() * 60)::int]
         || CASE WHEN random() < 0.6 THEN (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平','刚','桂','英','华','文','玉','兰','辉','建','国','志','红','金','海','云','春','燕','晓','丹','宇','鹏','飞','浩','鑫','婷','雪','琳','俊','峰','斌','亮','林','荣','新','凤','梅','萍','波','宁','欣'])[1 + floor(random() * 60)::int] ELSE '' END AS person,
         '云溪县' || (ARRAY['恒','盛','鑫','兴','隆','源','泰','福','瑞','祥','达','丰','顺','昌','华','宏','佳','旺','益','康'])[1 + floor(random() * 20)::int]
         || (ARRAY['达','发','源','利','通','和','安','信','诚','德','美','嘉','启','腾','远','禾','溪','山','林','川'])[1 + floor(random() * 20)::int]
         || (ARRAY['商贸有限公司','餐饮管理有限公司','食品店','建材经营部','农业科技有限公司','物流有限公司','大药房','超市','农民专业合作社','电子商务有限公司'])[1 + floor(random() * 10)::int] AS org_name,
         (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + floor(random() * 10)::int]
         || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + floor(random() * 20)::int] AS contact,
         (ARRAY['361131','361131','361131','361131','361102','360102','361121','361123','361128','362322'])[1 + floor(random() * 10)::int]
         || to_char(date '1945-01-01' + floor(random() * 22000)::int, 'YYYYMMDD') || lpad(floor(random() * 1000)::int::text, 3, '0') AS id17,
         (CASE WHEN random() < 0.5 THEN '92' ELSE '91' END) || '361131' || lpad(floor(random() * 1e9)::bigint::text, 9, '0') AS uscc17,
         '1' || (ARRAY['38','39','58','59','86','87','88','35','36','37','50','51','52','82','83','30','31','32','55','56','33','53','80','81','89','77','99'])[1 + floor(random() * 27)::int]
         || lpad(floor(random() * 1e8)::bigint::text, 8, '0') AS mobile
) p
ORDER BY n.created_at;  -- in the order a live system would have written them (heap and index locality)

SELECT format('   int_cases: %s rows, %s s', :cases, round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

INSERT INTO gov.int_case_counters (region, day, last)
SELECT '361131', day, max(seq) FROM numbered GROUP BY day
ON CONFLICT (region, day) DO UPDATE SET last = greatest(gov.int_case_counters.last, excluded.last);

-- 5. Clocks of accepted 承诺件.
INSERT INTO gov.apr_case_clocks (case_id, start, promised_limit, promised_in_working_days, statutory_limit, statutory_in_working_days, promised_due, statutory_due, provisional)
SELECT n.id, acc.d, it.promised_limit, it.promised_unit <> 2, it.statutory_limit, it.statutory_unit <> 2,
       CASE WHEN it.promised_unit = 2 THEN acc.d + it.promised_limit + n.pause_wd ELSE pd.d END,
       CASE WHEN it.statutory_unit = 2 THEN acc.d + it.statutory_limit + n.pause_wd ELSE sd.d END,
       false
FROM new_cases n JOIN items it ON it.k = n.k
JOIN wd acc ON acc.n = n.acc_n
JOIN wd pd ON pd.n = n.acc_n + it.promised_limit + n.pause_wd
JOIN wd sd ON sd.n = n.acc_n + it.statutory_limit + n.pause_wd
WHERE n.routed
ORDER BY n.accepted_at;

-- 6. Pauses (补正, 特别程序) of accepted 承诺件; the ones still running have no end day.
INSERT INTO gov.apr_clock_segments (id, case_id, task_id, kind, state, "from", "to", extra_working_days, procedure_type, expected_working_days, reason, result, requested_by_staff_id, approved_by_staff_id, created_at)
SELECT pg_temp.uuid7((f.d + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'), n.id, NULL, n.pause_kind, 1, f.d,
       CASE WHEN n.pause_from_n + n.pause_wd > :today_n THEN NULL ELSE t.d END,
       0,
       CASE WHEN n.pause_kind = 3 THEN (ARRAY['现场踏勘','检验检测','专家评审','听证','公示'])[1 + floor(n.u_plen * 5)::int] ELSE '' END,
       CASE WHEN n.pause_kind = 3 THEN n.pause_wd ELSE 0 END,
       CASE WHEN n.pause_kind = 3 THEN '依法需要现场核查经营场所与申请材料是否一致' ELSE '营业执照复印件不清晰；法定代表人身份证明未签字，请重新提交' END,
       CASE WHEN n.pause_from_n + n.pause_wd > :today_n THEN '' WHEN n.pause_kind = 3 THEN '核查完毕，情况属实' ELSE '已补正' END,
       (SELECT staff_id FROM reviewers r WHERE r.department_id = it.department_id), NULL,
       (f.d + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'
FROM new_cases n JOIN items it ON it.k = n.k
JOIN wd f ON f.n = n.pause_from_n
JOIN wd t ON t.n = n.pause_from_n + n.pause_wd
WHERE n.routed AND n.pause_kind > 0 AND n.pause_from_n <= :today_n
ORDER BY f.d;

SELECT format('   clocks and pauses: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

-- 7. The steps (apr_tasks). Stage s of S runs from acc + (s-1)/S to acc + s/S of the case's review time.
CREATE TEMP TABLE t1 AS
SELECT n.id AS case_id, n.k, n.state, n.acc_n, n.finish_n, n.pause_kind, n.pause_wd, n.pause_from_n, n.accepted_at, n.u_step, n.u_claim, n.u_time,
       s.template_id, s.stage, s.mode, s.name, s.department_id, s.limit_working_days, s.decides, s.chief_may_decide, s.stages, s.pos, s.in_stage,
       n.acc_n + ((s.stage - 1) * (n.finish_n - n.acc_n)) / s.stages AS open_n,
       n.acc_n + (s.stage * (n.finish_n - n.acc_n)) / s.stages AS close_n,
       least(s.stages, 1 + ((greatest(:today_n, n.acc_n) - n.acc_n) * s.stages) / greatest(1, n.finish_n - n.acc_n)) AS current_stage
FROM new_cases n JOIN item_steps s ON s.k = n.k
WHERE n.routed;

CREATE TEMP TABLE t2 AS
SELECT t1.*,
       CASE
         WHEN t1.state IN (3, 7, 8) THEN
           CASE WHEN t1.stage < t1.current_stage THEN 3
                WHEN t1.stage > t1.current_stage THEN 1
                WHEN t1.in_stage > 1 AND t1.pos = 1 AND t1.u_step < 0.3 THEN 3   -- 会签: the other department has passed already
                ELSE 2 END
         WHEN t1.state IN (13, 14) THEN CASE WHEN t1.stage < t1.stages THEN 3 ELSE 8 END
         WHEN t1.decides THEN 7
         ELSE 3
       END AS task_state,
       -- pause days that fall after the step opened move its due date
       CASE WHEN t1.pause_kind > 0 AND t1.pause_from_n >= t1.acc_n + ((t1.stage - 1) * (t1.finish_n - t1.acc_n)) / t1.stages
            THEN least(t1.pause_wd, greatest(0, :today_n - t1.pause_from_n)) ELSE 0 END AS pause_after_open
FROM t1;

INSERT INTO gov.apr_tasks (id, case_id, case_number, item_name, basic_code, applicant_name, hall_id, template_id, stage, mode, name, department_id,
  limit_working_days, decides, chief_may_decide, state, opened_at, opened_on, due_on, claimed_by_staff_id, claimed_by_name, claimed_at,
  last_activity_at, completed_at, opinion)
SELECT pg_temp.uuid7(t.accepted_at), t.case_id, c.number, c.item_name, c.basic_code, c.applicant_name, c.hall_id, t.template_id, t.stage, t.mode, t.name, t.department_id,
       t.limit_working_days, t.decides, t.chief_may_decide, t.task_state,
       CASE WHEN t.task_state = 1 THEN NULL WHEN t.stage = 1 THEN t.accepted_at ELSE (o.d + interval '9 hours' + t.u_time * interval '8 hours') AT TIME ZONE 'Asia/Shanghai' END,
       CASE WHEN t.task_state = 1 THEN NULL ELSE o.d END,
       CASE WHEN t.task_state = 1 THEN NULL ELSE du.d END,
       CASE WHEN t.task_state IN (3, 7) OR (t.task_state = 2 AND t.u_claim < 0.35) THEN r.staff_id END,
       CASE WHEN t.task_state IN (3, 7) OR (t.task_state = 2 AND t.u_claim < 0.35) THEN COALESCE(r.name, '') ELSE '' END,
       CASE WHEN t.task_state = 2 AND t.u_claim < 0.35 AND r.staff_id IS NOT NULL THEN now() - t.u_claim * interval '20 hours'
            WHEN t.task_state IN (3, 7) AND r.staff_id IS NOT NULL THEN (o.d + interval '9 hours 30 minutes') AT TIME ZONE 'Asia/Shanghai' END,
       CASE WHEN t.task_state = 2 AND t.u_claim < 0.35 AND r.staff_id IS NOT NULL THEN now() - t.u_claim * interval '20 hours'
            WHEN t.task_state IN (3, 7, 8) THEN least(now(), (cl.d + interval '11 hours') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state IN (3, 7, 8) THEN least(now(), (cl.d + interval '11 hours') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state = 7 AND c.state = 10 THEN '不符合法定条件，不予许可' WHEN t.task_state = 7 THEN '符合法定条件，准予许可'
            WHEN t.task_state = 3 THEN '材料齐全，符合法定形式，同意' ELSE '' END
FROM t2 t
JOIN gov.int_cases c ON c.id = t.case_id
JOIN wd o ON o.n = least(t.open_n, :today_n)
JOIN wd cl ON cl.n = t.close_n
JOIN wd du ON du.n = least(t.open_n, :today_n) + t.limit_working_days + t.pause_after_open
LEFT JOIN reviewers r ON r.department_id = t.department_id
ORDER BY t.accepted_at, t.stage;

SELECT format('   apr_tasks: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg
COMMIT;

VACUUM (ANALYZE) gov.int_cases, gov.int_case_counters, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
-- A VACUUM that overlaps a transaction elsewhere in the cluster may leave pages not all-visible (index-only
-- scans then visit the heap): vacuum again, at most three times, until the tables are all-visible. (In a live
-- database the pages holding open steps change often, so the queue's count does visit some heap pages.)
SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_clock_segments'::regclass) \gset
\if :revacuum
  SELECT pg_sleep(2) \gset
  VACUUM gov.int_cases, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
  SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
  WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_clock_segments'::regclass) \gset
\endif
\if :revacuum
  SELECT pg_sleep(5) \gset
  VACUUM gov.int_cases, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
  SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
  WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_clock_segments'::regclass) \gset
\endif
\if :revacuum
  SELECT pg_sleep(10) \gset
  VACUUM gov.int_cases, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
\endif
SELECT format('== generated in %s s (including VACUUM ANALYZE)', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

\echo == table sizes
SELECT c.relname AS "table", to_char(c.reltuples::bigint, 'FM9,999,999,999') AS "rows (est.)",
       pg_size_pretty(pg_table_size(c.oid)) AS "heap", pg_size_pretty(pg_indexes_size(c.oid)) AS "indexes",
       pg_size_pretty(pg_total_relation_size(c.oid)) AS "total"
FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE s.nspname = 'gov' AND c.relname IN ('int_cases', 'apr_tasks', 'apr_case_clocks', 'apr_clock_segments', 'int_case_counters')
ORDER BY pg_total_relation_size(c.oid) DESC;
SELECT 'ix_apr_tasks_queue' AS "index", pg_size_pretty(pg_relation_size('gov.ix_apr_tasks_queue')) AS size,
       (SELECT round(100.0 * relallvisible / greatest(relpages, 1), 1) FROM pg_class WHERE oid = 'gov.apr_tasks'::regclass) AS "apr_tasks all-visible %";
SELECT pg_size_pretty(pg_database_size(current_database())) AS "database size";

\echo == cases by state
SELECT state, CASE state WHEN 1 THEN 'Draft' WHEN 2 THEN 'Submitted' WHEN 3 THEN 'SupplementRequested' WHEN 4 THEN 'NotAccepted'
         WHEN 7 THEN 'InReview' WHEN 8 THEN 'SpecialProcedure' WHEN 9 THEN 'Approved' WHEN 10 THEN 'Denied' WHEN 11 THEN 'AwaitingDelivery'
         WHEN 12 THEN 'Completed' WHEN 13 THEN 'Withdrawn' WHEN 14 THEN 'Terminated' ELSE state::text END AS name,
       count(*) AS cases, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct
FROM gov.int_cases GROUP BY state ORDER BY state;

\echo == open steps per department queue (state = 2)
SELECT d.short_name AS department, count(*) AS open_steps,
       count(*) FILTER (WHERE t.due_on < :'today'::date) AS overdue,
       count(*) FILTER (WHERE t.claimed_by_staff_id IS NOT NULL) AS claimed
FROM gov.apr_tasks t JOIN gov.org_departments d ON d.id = t.department_id
WHERE t.state = 2 GROUP BY d.short_name ORDER BY open_steps DESC;
