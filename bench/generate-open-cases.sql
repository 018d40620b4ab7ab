-- Adds OPEN cases (承诺件 in review right now) to a GovService database, set-based (INSERT … SELECT
-- generate_series), for the deadline-sweep benchmark (bench/sweep.sh): the backlog the sweep of the
-- Supervision module evaluates every few minutes (int_v_open_clocks, apr_v_open_steps, apr_v_paused_cases,
-- apr_v_case_limits).
--
-- Usage (the portal must have migrated and seeded the demo county first: Seed__Demo=true):
--   psql -h 127.0.0.1 -p 55432 -U gov -d <database> -v cases=1000000 -f bench/generate-open-cases.sql
-- Variables (psql -v):
--   cases  number of open cases to add                        (default 1000000)
--   seed   setseed() value: the same seed gives the same data (default 0.42)
-- It may be run several times on the same database (numbers continue, counters move on).
--
-- What it writes (everything it reads comes from the seeded database: published 承诺件 and their versions,
-- departments, halls, clerks, reviewers, the chief representative, the routing templates and the holiday
-- calendar gov.cal_days):
--   gov.int_cases           `cases` accepted 承诺件, items picked with the weights of bench/generate-cases.sql
--                           (food licences, ID cards, …; 即办件 are never open). 55 % taken at a window
--                           (created 10-40 minutes before acceptance), the others online or by post
--                           (created one or two working days before acceptance). Where each case stands
--                           today is drawn first, against its promised limit L in working days (a limit in
--                           calendar days counts 5/7 of it) plus any granted extension:
--                             4 %   overdue by 1-10 working days (red);
--                             7 %   in the last 20 % of their time, or one working day or less left (yellow);
--                             83 %  earlier than that (green);
--                             5 %   paused for a 补正 (state 3 SupplementRequested, an open kind-2 segment)
--                                   running for 1-20 working days (a tenth of them 20-40);
--                             1 %   in a 特别程序 (state 8 SpecialProcedure, an open kind-3 segment) for 1-30;
--                           the others are InReview (state 7). Of those, 4 % had a 补正 earlier on (a closed
--                           kind-2 segment of 1-10 working days) and 1 % an extension (延长审批, kind 4, 5-10
--                           working days, granted by the chief representative). The acceptance day follows:
--                           today less the working days the clock has run, less the paused ones; so accepted_at
--                           spreads over the last ~60 working days, most of it over the last 20. Items with a
--                           limit of one working day are yellow from the start (one day left) and calendar-day
--                           limits count a little early, so ~13 % of the open cases are yellow under the default
--                           rule (80 % of the time or 1 working day left; the summary at the end counts them).
--                           promised_due_date / statutory_due_date: the acceptance day plus the limit plus the
--                           closed pauses plus the extension, in working days of gov.cal_days (holidays and 调休
--                           working weekends; otherwise Monday-Friday), or in calendar days for items counted
--                           in calendar days, like the portal's ClockKeeper; a running pause is not in them yet
--                           (the portal recomputed them when the pause began).
--                           Numbers: 361131 + yyyyMMdd (Asia/Shanghai, day of creation) + 5-digit daily
--                           sequence, continuing after any number already in the database; gov.int_case_counters
--                           is moved on so the portal's next number does not collide. Query codes: 6 characters of
--                           the portal's alphabet. Applicants: 75 % people (Chinese names, 18-digit ID numbers with
--                           a valid check digit), 25 % organisations (unified social credit codes with a valid
--                           check character).
--   gov.apr_case_clocks     one per case (start, limits, promised and statutory due dates).
--   gov.apr_tasks           the steps: the item's current routing template (food licence: two 市场监管局 steps;
--                           outdoor advertising: 住建局 + 市场监管局 会签, then 住建局) or one 审查决定 step at the
--                           implementing department. The review is spread over max(L, elapsed + 1) working days of
--                           clock time, stage s of S taking the s-th share: steps of earlier stages are Passed
--                           (state 3, claimed, with an opinion), the current stage's steps Open (state 2: opened_at,
--                           opened_on, due_on = opened_on + limit_working_days (+ a closed pause that fell after
--                           the opening), 35 % claimed by the department's reviewer where it has one; in a 会签
--                           30 % of the first department has passed already), later ones Waiting (state 1).
--   gov.apr_clock_segments  the running pauses (to IS NULL, state 1, kind 2 or 3, on the open step), the closed
--                           earlier 补正 and the extensions (kind 4, state 1, from = to, extra_working_days).
-- Not written (the sweep does not read them): materials, files, int_case_steps, task actions, recomputations,
-- citizen accounts (applicant_user_id stays empty), cards, orders, notifications.
-- Rows are written in chronological order (cases and clocks by acceptance, segments by their start, steps by
-- their case's acceptance and stage), as a live system would have appended them. Afterwards: VACUUM ANALYZE
-- of the tables written (repeated until they are all-visible), then the time taken, the table sizes, the cases
-- per state and how the open cases and open steps stand against their deadlines today are printed.
\set ON_ERROR_STOP on
\if :{?cases}
\else
  \set cases 1000000
\endif
\if :{?seed}
\else
  \set seed 0.42
\endif
\pset footer off
SET client_min_messages = warning;
SET temp_buffers = '1GB';
SELECT clock_timestamp() AS gen_t0, (now() AT TIME ZONE 'Asia/Shanghai')::date AS today \gset
\echo == generating :cases open cases as of :today (seed :seed)

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
FROM generate_series(:'today'::date - 200, :'today'::date + 300, interval '1 day') d
LEFT JOIN gov.cal_days x ON x.date = d::date;
-- n: number of the day if it is a working day, else of the last working day before it.
CREATE TEMP TABLE caln AS SELECT d, working, sum(working::int) OVER (ORDER BY d)::int AS n FROM cal;
CREATE TEMP TABLE wd AS SELECT n, d FROM caln WHERE working;
CREATE UNIQUE INDEX ON caln (d);
CREATE UNIQUE INDEX ON wd (n);
SELECT n AS today_n FROM caln WHERE d = :'today'::date \gset

-- Published 承诺件 with their implementing department, its responsible hall and a volume weight.
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
LEFT JOIN (VALUES -- weights: relative yearly volume of a county hall (default 1), as in bench/generate-cases.sql
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
) w(code, weight) ON w.code = i.basic_code
WHERE v.case_kind = 2;  -- 即办件 are decided at the window: never open

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
UNION ALL
SELECT it.k, '00000000-0000-0000-0000-000000000000'::uuid, 1, 1, '审查决定', it.department_id, greatest(1, it.promised_limit), true, false, 1, 1, 1
FROM items it
WHERE NOT EXISTS (SELECT 1 FROM gov.apr_route_templates t WHERE t.basic_code = it.basic_code AND t.is_current);

CREATE TEMP TABLE reviewers AS
SELECT DISTINCT ON (department_id) department_id, id AS staff_id, name FROM gov.org_staff WHERE role = 'Reviewer' AND department_id IS NOT NULL ORDER BY department_id, name;
CREATE TEMP TABLE clerks AS
SELECT DISTINCT ON (hall_id) hall_id, id AS staff_id FROM gov.org_staff WHERE role = 'Clerk' AND hall_id IS NOT NULL ORDER BY hall_id, name;
SELECT format('   setup: %s published 承诺件, %s working days in the calendar window, today is working day %s',
  (SELECT count(*) FROM items), (SELECT count(*) FROM wd), :today_n) AS msg \gset
\echo :msg

-- 1. One row per case with its random draws.
CREATE TEMP TABLE g AS
SELECT s AS i, floor(random() * 1000)::int AS slot,
       random() AS u_cat, random() AS u_e, random() AS u_pause, random() AS u_plen, random() AS u_chan, random() AS u_time,
       random() AS u_acc, random() AS u_step, random() AS u_claim, random() AS u_kind
FROM generate_series(1, :cases) s;

-- 2. Item, limit in working days, pause or extension, and where the case stands today.
--    pause_kind: 2 = 补正 running, 3 = 特别程序 running, 5 = a 补正 earlier on (closed), 4 = an extension, 0 = none.
CREATE TEMP TABLE c1 AS
SELECT g.*, it.k, it.promised_limit AS pl, it.promised_unit AS pu, it.statutory_limit AS sl, it.statutory_unit AS su,
       greatest(1, CASE WHEN it.promised_unit = 2 THEN ceil(it.promised_limit * 5 / 7.0)::int ELSE it.promised_limit END) AS lim,
       CASE WHEN g.u_pause < 0.05 THEN 2 WHEN g.u_pause < 0.06 THEN 3 WHEN g.u_pause < 0.0976 THEN 5 WHEN g.u_pause < 0.1070 THEN 4 ELSE 0 END AS pause_kind,
       CASE WHEN g.u_chan < 0.55 THEN 1 WHEN g.u_chan < 0.77 THEN 2 WHEN g.u_chan < 0.99 THEN 3 ELSE 4 END AS channel
FROM g JOIN item_slots s ON s.slot = g.slot JOIN items it ON it.k = s.k;

CREATE TEMP TABLE c2 AS
SELECT c1.*,
       CASE WHEN c1.pause_kind = 4 THEN 5 + floor(c1.u_plen * 6)::int ELSE 0 END AS ext,
       -- working days of the pause: so far (running) or in all (closed)
       CASE c1.pause_kind
         WHEN 2 THEN CASE WHEN c1.u_plen < 0.1 THEN 20 + floor(c1.u_plen * 200)::int ELSE 1 + floor((c1.u_plen - 0.1) / 0.9 * 20)::int END
         WHEN 3 THEN 1 + floor(c1.u_plen * 30)::int
         WHEN 5 THEN 1 + floor(c1.u_plen * 10)::int
         ELSE 0 END AS pause_wd
FROM c1;

CREATE TEMP TABLE c3 AS
SELECT c2.*,
       -- e: working days the clock has run since acceptance (pauses excluded); greens stop before the last 20 %
       -- of the time and before the last working day
       CASE WHEN c2.pause_kind IN (2, 3) THEN floor(c2.u_e * (c2.lim + c2.ext))::int
            WHEN c2.u_cat < 0.04 THEN c2.lim + c2.ext + 1 + floor(c2.u_e * 10)::int
            WHEN c2.u_cat < 0.11 THEN gm.green + floor(c2.u_e * (c2.lim + c2.ext - gm.green + 1))::int
            ELSE floor(c2.u_e * gm.green)::int END AS e
FROM c2 CROSS JOIN LATERAL (SELECT greatest(1, least(ceil((c2.lim + c2.ext) * 0.8)::int, c2.lim + c2.ext - 1)) AS green) gm;

CREATE TEMP TABLE c4 AS
SELECT c3.*,
       :today_n - c3.e - c3.pause_wd AS acc_n,
       -- clock time at which the pause began: the running ones now, a closed one half way
       CASE WHEN c3.pause_kind IN (2, 3) THEN c3.e WHEN c3.pause_kind = 5 THEN c3.e / 2 ELSE NULL END AS pause_at,
       -- the review spread over max(limit, elapsed + 1) working days of clock time
       greatest(c3.lim + c3.ext, c3.e + 1) AS span
FROM c3;

CREATE TEMP TABLE c5 AS
SELECT c4.*, a.d AS acc_d,
       -- accepted today: between midnight and now
       CASE WHEN a.d = :'today'::date THEN (a.d::timestamp AT TIME ZONE 'Asia/Shanghai') + c4.u_acc * (now() - (a.d::timestamp AT TIME ZONE 'Asia/Shanghai'))
            ELSE (a.d + interval '9 hours' + c4.u_acc * interval '8 hours') AT TIME ZONE 'Asia/Shanghai' END AS accepted_at
FROM c4 JOIN wd a ON a.n = c4.acc_n;

CREATE TEMP TABLE cs AS
SELECT c5.*,
       CASE c5.pause_kind WHEN 2 THEN 3 WHEN 3 THEN 8 ELSE 7 END AS state,
       CASE WHEN c5.channel = 1 THEN c5.accepted_at - (10 + floor(c5.u_time * 30)) * interval '1 minute'
            ELSE least((s.d + c5.u_time * interval '24 hours') AT TIME ZONE 'Asia/Shanghai', c5.accepted_at - interval '1 hour') END AS created_at
FROM c5 JOIN wd s ON s.n = c5.acc_n - 1 - (c5.u_acc < 0.3)::int;

-- Case numbers: county code, day of creation, daily sequence after what the database already holds.
CREATE TEMP TABLE existing_seq AS
SELECT to_date(substr(number, 7, 8), 'YYYYMMDD') AS day, max(substr(number, 15)::int) AS last
FROM gov.int_cases WHERE number ~ '^361131[0-9]{13,14}$' GROUP BY 1
UNION ALL SELECT day, last FROM gov.int_case_counters WHERE region = '361131';
CREATE TEMP TABLE numbered AS
SELECT i, day, seq + COALESCE((SELECT max(e.last) FROM existing_seq e WHERE e.day = q.day), 0) AS seq
FROM (SELECT i, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
             row_number() OVER (PARTITION BY (created_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY created_at, i) AS seq
      FROM cs) q;
CREATE UNIQUE INDEX ON numbered (i);
DO $$ BEGIN
  -- A million open cases put more than 99,999 acceptances on the busiest days: the sequence then takes six
  -- digits (as the portal's own numbering does), still unique per day.
  IF (SELECT max(seq) FROM numbered) > 999999 THEN RAISE EXCEPTION 'more than 999999 cases on one day: lower cases'; END IF;
END $$;

-- Due dates: acceptance + limit + closed pause + extension (working days, or calendar days for such items).
CREATE TEMP TABLE new_cases AS
SELECT pg_temp.uuid7(cs.accepted_at) AS id, cs.*,
       '361131' || to_char(nb.day, 'YYYYMMDD') || CASE WHEN nb.seq > 99999 THEN nb.seq::text ELSE lpad(nb.seq::text, 5, '0') END AS number,
       pf.d AS pause_from, pt.d AS pause_to,
       CASE WHEN cs.pu = 2 THEN cs.acc_d + cs.pl + cs.ext + CASE WHEN cs.pause_kind = 5 THEN pt.d - pf.d ELSE 0 END
            ELSE pd.d END AS promised_due,
       CASE WHEN cs.su = 2 THEN cs.acc_d + cs.sl + cs.ext + CASE WHEN cs.pause_kind = 5 THEN pt.d - pf.d ELSE 0 END
            ELSE sd.d END AS statutory_due
FROM cs
JOIN numbered nb ON nb.i = cs.i
JOIN wd pd ON pd.n = cs.acc_n + cs.pl + cs.ext + CASE WHEN cs.pause_kind = 5 THEN cs.pause_wd ELSE 0 END
JOIN wd sd ON sd.n = cs.acc_n + cs.sl + cs.ext + CASE WHEN cs.pause_kind = 5 THEN cs.pause_wd ELSE 0 END
LEFT JOIN wd pf ON pf.n = cs.acc_n + cs.pause_at
LEFT JOIN wd pt ON pt.n = cs.acc_n + cs.pause_at + cs.pause_wd AND cs.pause_kind = 5;
CREATE UNIQUE INDEX ON new_cases (i);

SELECT format('   plan: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

-- 3. int_cases.
INSERT INTO gov.int_cases (
  id, number, query_code, item_id, item_version_id, item_name, basic_code, case_kind, applicant_kind, applicant_name,
  applicant_id_type, applicant_id_number, applicant_user_id, agent_user_id, contact_name, contact_mobile, channel, hall_id,
  clerk_staff_id, state, created_at, submitted_at, accepted_at, closed_at, promised_due_date, statutory_due_date,
  due_date_provisional, visits, deficiency_due_date, termination_reason, decided_by_staff_id, decided_at, decision_opinion,
  refusal_reason, refusal_basis, form_data, promised_visits, bundle_code, bundle_key, bundle_name, review_started_at)
SELECT
  n.id, n.number,
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
  n.state, n.created_at, n.created_at, n.accepted_at, NULL,
  n.promised_due, n.statutory_due,
  false,
  CASE WHEN n.channel = 1 THEN 1 + (n.u_claim < 0.05)::int ELSE 0 END,
  NULL, '', NULL, NULL, '', '', '',
  '{}'::jsonb,
  it.visits_needed, '', NULL, '',
  n.accepted_at + interval '30 minutes'
FROM new_cases n
JOIN items it ON it.k = n.k
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
ORDER BY n.accepted_at;  -- in the order a live system would have written them (heap and index locality)

SELECT format('   int_cases: %s rows, %s s', :cases, round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

INSERT INTO gov.int_case_counters (region, day, last)
SELECT '361131', day, max(seq) FROM numbered GROUP BY day
ON CONFLICT (region, day) DO UPDATE SET last = greatest(gov.int_case_counters.last, excluded.last);

-- 4. Clocks.
INSERT INTO gov.apr_case_clocks (case_id, start, promised_limit, promised_in_working_days, statutory_limit, statutory_in_working_days, promised_due, statutory_due, provisional)
SELECT n.id, n.acc_d, n.pl, n.pu <> 2, n.sl, n.su <> 2, n.promised_due, n.statutory_due, false
FROM new_cases n
ORDER BY n.accepted_at;

-- 5. The steps (apr_tasks). Stage s of S opens at clock time (s-1)/S of the span; a closed pause that began
--    before the stage opened shifts its opening day, one that began on or after it moves its due date.
CREATE TEMP TABLE t1 AS
SELECT n.id AS case_id, n.k, n.state, n.acc_n, n.e, n.span, n.pause_kind, n.pause_wd, n.pause_at, n.accepted_at, n.u_step, n.u_claim, n.u_time,
       s.template_id, s.stage, s.mode, s.name, s.department_id, s.limit_working_days, s.decides, s.chief_may_decide,
       s.stages, s.pos, s.in_stage,
       ((s.stage - 1) * n.span) / s.stages AS open_c,
       (s.stage * n.span) / s.stages AS close_c,
       least(s.stages, 1 + (n.e * s.stages) / n.span) AS current_stage
FROM new_cases n JOIN item_steps s ON s.k = n.k;

CREATE TEMP TABLE t2 AS
SELECT t1.*,
       CASE WHEN t1.stage < t1.current_stage THEN 3
            WHEN t1.stage > t1.current_stage THEN 1
            WHEN t1.in_stage > 1 AND t1.pos = 1 AND t1.u_step < 0.3 THEN 3   -- 会签: the other department has passed already
            ELSE 2 END AS task_state,
       t1.acc_n + t1.open_c + CASE WHEN t1.pause_kind = 5 AND t1.pause_at < t1.open_c THEN t1.pause_wd ELSE 0 END AS open_n,
       t1.acc_n + t1.close_c + CASE WHEN t1.pause_kind = 5 AND t1.pause_at < t1.close_c THEN t1.pause_wd ELSE 0 END AS close_n,
       t1.acc_n + t1.open_c + CASE WHEN t1.pause_kind = 5 THEN t1.pause_wd ELSE 0 END + t1.limit_working_days AS due_n
FROM t1;

CREATE TEMP TABLE new_tasks AS
SELECT pg_temp.uuid7(t.accepted_at) AS id, t.*
FROM t2 t;
-- the step a pause or an extension was asked on: the (first) open one
CREATE TEMP TABLE open_task AS
SELECT DISTINCT ON (case_id) case_id, id FROM new_tasks WHERE task_state = 2 ORDER BY case_id, pos;
CREATE UNIQUE INDEX ON open_task (case_id);

INSERT INTO gov.apr_tasks (id, case_id, case_number, item_name, basic_code, applicant_name, hall_id, template_id, stage, mode, name, department_id,
  limit_working_days, decides, chief_may_decide, state, opened_at, opened_on, due_on, claimed_by_staff_id, claimed_by_name, claimed_at,
  last_activity_at, completed_at, opinion)
SELECT t.id, t.case_id, c.number, c.item_name, c.basic_code, c.applicant_name, c.hall_id, t.template_id, t.stage, t.mode, t.name, t.department_id,
       t.limit_working_days, t.decides, t.chief_may_decide, t.task_state,
       CASE WHEN t.task_state = 1 THEN NULL WHEN t.stage = 1 THEN t.accepted_at
            ELSE least(now(), (o.d + interval '9 hours' + t.u_time * interval '8 hours') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state = 1 THEN NULL ELSE o.d END,
       CASE WHEN t.task_state = 1 THEN NULL ELSE du.d END,
       CASE WHEN t.task_state = 3 OR (t.task_state = 2 AND t.u_claim < 0.35) THEN r.staff_id END,
       CASE WHEN t.task_state = 3 OR (t.task_state = 2 AND t.u_claim < 0.35) THEN COALESCE(r.name, '') ELSE '' END,
       CASE WHEN t.task_state = 2 AND t.u_claim < 0.35 AND r.staff_id IS NOT NULL THEN greatest(t.accepted_at, now() - t.u_claim * interval '20 hours')
            WHEN t.task_state = 3 AND r.staff_id IS NOT NULL THEN least(now(), (o.d + interval '9 hours 30 minutes') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state = 2 AND t.u_claim < 0.35 AND r.staff_id IS NOT NULL THEN greatest(t.accepted_at, now() - t.u_claim * interval '20 hours')
            WHEN t.task_state = 3 THEN least(now(), (cl.d + interval '11 hours') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state = 3 THEN least(now(), (cl.d + interval '11 hours') AT TIME ZONE 'Asia/Shanghai') END,
       CASE WHEN t.task_state = 3 THEN '材料齐全，符合法定形式，同意' ELSE '' END
FROM new_tasks t
JOIN gov.int_cases c ON c.id = t.case_id
JOIN wd o ON o.n = least(t.open_n, :today_n)
JOIN wd cl ON cl.n = least(t.close_n, :today_n)
JOIN wd du ON du.n = t.due_n
LEFT JOIN reviewers r ON r.department_id = t.department_id
ORDER BY t.accepted_at, t.stage, t.pos;

SELECT format('   apr_case_clocks, apr_tasks: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg

-- 6. Clock segments: running pauses (on the open step), earlier 补正 (closed), extensions (granted).
INSERT INTO gov.apr_clock_segments (id, case_id, task_id, kind, state, "from", "to", extra_working_days, procedure_type, expected_working_days, reason, result, requested_by_staff_id, approved_by_staff_id, created_at)
SELECT pg_temp.uuid7((f.d + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'), n.id,
       ot.id,
       CASE n.pause_kind WHEN 5 THEN 2 ELSE n.pause_kind END, 1,
       f.d,
       CASE n.pause_kind WHEN 5 THEN n.pause_to WHEN 4 THEN f.d ELSE NULL END,
       CASE WHEN n.pause_kind = 4 THEN n.ext ELSE 0 END,
       CASE WHEN n.pause_kind = 3 THEN (ARRAY['现场踏勘','检验检测','专家评审','听证','公示'])[1 + floor(n.u_time * 5)::int] ELSE '' END,
       CASE WHEN n.pause_kind = 3 THEN n.pause_wd + 1 + floor(n.u_time * 10)::int ELSE 0 END,
       CASE n.pause_kind WHEN 3 THEN '依法需要现场核查经营场所与申请材料是否一致'
                         WHEN 4 THEN '案情复杂，需征求相关部门意见，申请延长审批期限'
                         ELSE '营业执照复印件不清晰；法定代表人身份证明未签字，请重新提交' END,
       CASE WHEN n.pause_kind = 5 THEN '已补正' ELSE '' END,
       (SELECT staff_id FROM reviewers r WHERE r.department_id = it.department_id),
       CASE WHEN n.pause_kind = 4 THEN (SELECT id FROM gov.org_staff WHERE role = 'ChiefRepresentative' ORDER BY name LIMIT 1) END,
       (f.d + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'
FROM new_cases n JOIN items it ON it.k = n.k
LEFT JOIN open_task ot ON ot.case_id = n.id
JOIN wd f ON f.n = CASE WHEN n.pause_kind = 4 THEN n.acc_n + least(n.e, n.lim) / 2 ELSE n.acc_n + n.pause_at END
WHERE n.pause_kind > 0
ORDER BY f.d, n.accepted_at;

SELECT format('   apr_clock_segments: %s s', round(extract(epoch FROM clock_timestamp() - :'gen_t0'::timestamptz)::numeric, 1)) AS msg \gset
\echo :msg
COMMIT;

VACUUM (ANALYZE) gov.int_cases, gov.int_case_counters, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
-- A VACUUM that overlaps a transaction elsewhere in the cluster may leave pages not all-visible: vacuum again,
-- at most three times, until the tables are all-visible.
SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_case_clocks'::regclass) \gset
\if :revacuum
  SELECT pg_sleep(2) \gset
  VACUUM gov.int_cases, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
  SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
  WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_case_clocks'::regclass) \gset
\endif
\if :revacuum
  SELECT pg_sleep(5) \gset
  VACUUM gov.int_cases, gov.apr_case_clocks, gov.apr_clock_segments, gov.apr_tasks;
  SELECT min(relallvisible::numeric / greatest(relpages, 1)) < 0.99 AS revacuum FROM pg_class
  WHERE oid IN ('gov.apr_tasks'::regclass, 'gov.int_cases'::regclass, 'gov.apr_case_clocks'::regclass) \gset
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
SELECT pg_size_pretty(pg_database_size(current_database())) AS "database size";

\echo == cases by state
SELECT state, CASE state WHEN 1 THEN 'Draft' WHEN 2 THEN 'Submitted' WHEN 3 THEN 'SupplementRequested' WHEN 4 THEN 'NotAccepted'
         WHEN 7 THEN 'InReview' WHEN 8 THEN 'SpecialProcedure' WHEN 9 THEN 'Approved' WHEN 10 THEN 'Denied' WHEN 11 THEN 'AwaitingDelivery'
         WHEN 12 THEN 'Completed' WHEN 13 THEN 'Withdrawn' WHEN 14 THEN 'Terminated' ELSE state::text END AS name,
       count(*) AS cases, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct
FROM gov.int_cases GROUP BY state ORDER BY state;

-- The sweep's default yellow rule (Supervision:YellowPercent 80, YellowDaysLeft 1), counted here with the
-- numbering above; the sweep itself reads the views and may count differently where rules are configured.
\echo == open cases against their promised due date today (paused ones are skipped by the sweep)
WITH o AS (
  SELECT c.state, cl.promised_limit + COALESCE(x.extra, 0) AS total, dn.n - :today_n AS remaining
  FROM gov.int_cases c
  JOIN gov.apr_case_clocks cl ON cl.case_id = c.id
  JOIN caln dn ON dn.d = c.promised_due_date
  LEFT JOIN (SELECT case_id, sum(extra_working_days)::int AS extra FROM gov.apr_clock_segments WHERE kind = 4 AND state = 1 GROUP BY case_id) x ON x.case_id = c.id
  WHERE c.accepted_at IS NOT NULL AND c.state IN (3, 5, 6, 7, 8))
SELECT CASE WHEN state IN (3, 8) THEN 'paused'
            WHEN remaining < 0 THEN 'red (overdue)'
            WHEN remaining <= 1 OR (total - remaining) * 100 >= 80 * total THEN 'yellow'
            ELSE 'green' END AS standing,
       count(*) AS cases, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct,
       min(remaining) AS min_days_left, max(remaining) AS max_days_left
FROM o GROUP BY 1 ORDER BY 1;
SELECT min(accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS first_accepted, max(accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS last_accepted,
       count(DISTINCT (accepted_at AT TIME ZONE 'Asia/Shanghai')::date) AS acceptance_days
FROM gov.int_cases WHERE state IN (3, 5, 6, 7, 8);

\echo == open steps (state 2) against their due date today
SELECT CASE WHEN t.due_on < :'today'::date THEN 'red (overdue)'
            WHEN dn.n - :today_n <= 1 OR (t.limit_working_days - (dn.n - :today_n)) * 100 >= 80 * t.limit_working_days THEN 'yellow'
            ELSE 'green' END AS standing,
       count(*) AS steps, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct
FROM gov.apr_tasks t JOIN caln dn ON dn.d = t.due_on
WHERE t.state = 2 GROUP BY 1 ORDER BY 1;
