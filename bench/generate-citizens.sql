-- Adds registered citizens (实名注册 accounts) to a seeded GovService database, set-based, for bench/load.sh.
--
-- Usage (after the portal has migrated and seeded the demo county, Seed__Demo=true):
--   psql -h 127.0.0.1 -p 55432 -U gov -d <database> -v citizens=100000 -f bench/generate-citizens.sql
--
-- Each account: a Chinese name, a valid 18-digit 公民身份号码 of 云溪县 (361131, GB 11643 check character) as
-- its login, a unique mobile (15xxxxxxxxx), the role Citizen, and the demo password (the password hash is
-- copied from the demo citizen 张伟, so every generated citizen signs in with Gov2026demo). ID numbers use
-- sequence numbers from 100 up, never colliding with the demo citizens; a rerun continues after the last one.
\set ON_ERROR_STOP on
\if :{?citizens}
\else
  \set citizens 100000
\endif

SELECT count(*) AS start FROM gov.acc_users
WHERE kind = 1 AND id_number ~ '^361131[0-9]{11}[0-9X]$' AND substr(id_number, 15, 3)::int >= 100 \gset

INSERT INTO gov.acc_users (id, real_name, id_number, kind, created_at, user_name, normalized_user_name, email_confirmed,
                           password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed,
                           two_factor_enabled, lockout_enabled, access_failed_count)
SELECT gen_random_uuid(), g.name, g.id17 || g.check_char, 1, now() - (random() * interval '730 days'),
       g.id17 || g.check_char, g.id17 || g.check_char, false,
       (SELECT password_hash FROM gov.acc_users WHERE user_name = '361131198506120026'),
       upper(md5(random()::text)), gen_random_uuid()::text, '15' || lpad((g.n % 1000000000)::text, 9, '0'), false, false, true, 0
FROM (
  SELECT s.n, s.name, s.id17,
         substr('10X98765432', (SELECT sum(substr(s.id17, i, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i]) FROM generate_series(1, 17) i)::int % 11 + 1, 1) AS check_char
  FROM (
    SELECT n,
           (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','胡','朱','郭','何','罗','高','林'])[1 + n % 20]
             || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞','平','刚','桂英','建华','志强','晓东'])[1 + (n / 20) % 25] AS name,
           '361131' || to_char(date '1950-01-01' + (n % 20000), 'YYYYMMDD') || lpad((100 + n / 20000)::text, 3, '0') AS id17
    FROM generate_series(:start + 1, :start + :citizens) n
  ) s
) g;

INSERT INTO gov.acc_user_roles (user_id, role_id)
SELECT u.id, r.id FROM gov.acc_users u CROSS JOIN gov.acc_roles r
WHERE r.name = 'Citizen' AND u.kind = 1
  AND NOT EXISTS (SELECT 1 FROM gov.acc_user_roles ur WHERE ur.user_id = u.id);

ANALYZE gov.acc_users, gov.acc_user_roles;
SELECT count(*) AS citizens FROM gov.acc_users WHERE kind = 1;
