-- PostgreSQL's share of one online submission at its least (bench/intake.sh, "database floor"): what any
-- implementation of issue 4 has to write and read for it, each once, with prepared statements — the applicant and
-- the item looked up by key, a number drawn from a sequence (no lock held to the commit, unlike the portal's
-- gap-free day counter), the case inserted once, already numbered (the template row of a real submission: the same
-- width and the same eight indexes), its two 16 KB scans with their SHA-256, one timeline step and one audit
-- entry. The portal writes more (the draft row first, so that twenty concurrent posts of one form make one case;
-- the number last; an audit entry per row written); this is the floor under it.
\set seq random(0, 999999)
SELECT floor.uuid7() AS cid \gset
BEGIN;
SELECT id, real_name, id_number, phone_number FROM gov.acc_users WHERE id = (SELECT applicant_user_id FROM floor.case_template);
SELECT * FROM gov.cat_items WHERE id = (SELECT item_id FROM floor.case_template);
SELECT nextval('floor.numbers') AS last \gset
-- LATERAL: written as (jsonb_populate_record(…)).* PostgreSQL would call the function once per column.
INSERT INTO gov.int_cases
  SELECT r.* FROM floor.case_template t,
    LATERAL jsonb_populate_record(t, jsonb_build_object('id', CAST(:cid AS text), 'number', '99' || lpad((:last)::text, 17, '0'), 'query_code', lpad((:seq)::text, 6, '0'))) r;
INSERT INTO gov.int_case_files (id, case_id, position, material_name, file_name, content_type, length, sha256, content, uploaded_at, uploaded_by_user_id)
  SELECT floor.uuid7(), CAST(:cid AS uuid), s.position, s.material_name, s.file_name, s.content_type, s.length, s.sha256, s.content, now(), s.uploaded_by_user_id
  FROM floor.scan_template s;
INSERT INTO gov.int_case_steps (case_id, at, action, state, handler_name, handler_office, handler_phone, note)
  VALUES (CAST(:cid AS uuid), now(), 'Submitted', 2, '压测申请人', '', '', '');
INSERT INTO gov.ops_audit_entries (at, user_name, action, entity_type, entity_id, before, after)
  SELECT now(), '19900000001', 'Added', 'Case', CAST(:cid AS text), NULL, to_jsonb(t) FROM floor.case_template t;
COMMIT;
