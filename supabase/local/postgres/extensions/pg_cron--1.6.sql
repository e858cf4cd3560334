-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_cron" to load this file. \quit

-- pg_cron's SQL surface (tables, schedule/unschedule/alter_job/schedule_in_database) for the
-- local stack. The jobs are run by supabase/local/cron, which LISTENs on cron_jobs_changed.

create schema cron;

create table cron.job (
  jobid bigserial primary key,
  schedule text not null,
  command text not null,
  nodename text not null default 'localhost',
  nodeport integer not null default 5432,
  database text not null default current_database(),
  username text not null default current_user,
  active boolean not null default true,
  jobname text,
  constraint jobname_username_uniq unique (jobname, username)
);

create table cron.job_run_details (
  jobid bigint,
  runid bigserial primary key,
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);
create index job_run_details_jobid_idx on cron.job_run_details (jobid);

-- As in pg_cron: whoever is granted the schema reads only their own jobs and runs.
grant usage on schema cron to postgres;
grant select on cron.job, cron.job_run_details to public;
alter table cron.job enable row level security;
alter table cron.job_run_details enable row level security;
create policy cron_job_policy on cron.job using (username = current_user);
create policy cron_job_run_details_policy on cron.job_run_details using (username = current_user);

-- One field of a 5-field schedule: comma-separated `*`, `*/step`, `n`, `a-b` or `a-b/step`,
-- numbers within [low, high]; month and day names (jan, mon…) where `names` are given.
create function cron.field_is_valid(field text, low int, high int, names text[] default null)
returns boolean language plpgsql immutable as $$
declare
  element text;
  parts text[];
  bounds int[];
begin
  foreach element in array string_to_array(lower(field), ',') loop
    if names is not null then
      for i in 1 .. array_length(names, 1) loop
        element := regexp_replace(element, '\m' || names[i] || '\M', (low + i - 1)::text, 'g');
      end loop;
    end if;
    parts := regexp_match(element, '^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:/(\d{1,2}))?$');
    if parts is null or (parts[4] is not null and parts[1] <> '*' and parts[3] is null) then
      return false;
    end if;
    if parts[4] is not null and parts[4]::int = 0 then
      return false;
    end if;
    if parts[1] <> '*' then
      bounds := array[parts[2]::int, coalesce(parts[3], parts[2])::int];
      if bounds[1] < low or bounds[2] > high or bounds[1] > bounds[2] then
        return false;
      end if;
    end if;
  end loop;
  return true;
end;
$$;

-- pg_cron's grammar: "N second(s)" (1-59), @reboot/@yearly/@annually/@monthly/@weekly/@daily/
-- @midnight/@hourly, or 5 fields (minute hour day-of-month month day-of-week, `$` = last day).
create function cron.schedule_is_valid(schedule text) returns boolean
language plpgsql immutable as $$
declare
  trimmed text := regexp_replace(coalesce(schedule, ''), '^\s+|\s+$', '', 'g');
  interval_match text[] := regexp_match(lower(trimmed), '^(\d+)\s*seconds?$');
  fields text[] := regexp_split_to_array(trimmed, '\s+');
begin
  if interval_match is not null then
    return length(interval_match[1]) <= 2 and interval_match[1]::int between 1 and 59;
  end if;
  if trimmed ~ '^@(reboot|restart|yearly|annually|monthly|weekly|daily|midnight|hourly)$' then
    return true;
  end if;
  return array_length(fields, 1) = 5
    and cron.field_is_valid(fields[1], 0, 59)
    and cron.field_is_valid(fields[2], 0, 23)
    and (fields[3] = '$' or cron.field_is_valid(fields[3], 1, 31))
    and cron.field_is_valid(fields[4], 1, 12,
      array['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'])
    and cron.field_is_valid(fields[5], 0, 7, array['sun','mon','tue','wed','thu','fri','sat']);
end;
$$;

-- Guards every write (the functions below and direct edits alike), then wakes the scheduler.
create function cron.check_job() returns trigger language plpgsql as $$
begin
  if not cron.schedule_is_valid(new.schedule) then
    raise exception 'invalid schedule: %', new.schedule using errcode = '22023',
      hint = 'Use 5 cron fields (e.g. ''*/5 * * * *''), ''N seconds'' (1-59) or @hourly/@daily/…';
  end if;
  if new.command is null or btrim(new.command) = '' then
    raise exception 'command must not be empty' using errcode = '22023';
  end if;
  if not exists (select from pg_catalog.pg_database where datname = new.database) then
    raise exception 'database "%" does not exist', new.database using errcode = '3D000';
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = new.username) then
    raise exception 'role "%" does not exist', new.username using errcode = '42704';
  end if;
  return new;
end;
$$;
create trigger check_job before insert or update on cron.job
  for each row execute function cron.check_job();

create function cron.notify_jobs_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('cron_jobs_changed', tg_op);
  return null;
end;
$$;
create trigger notify_jobs_changed after insert or update or delete or truncate on cron.job
  for each statement execute function cron.notify_jobs_changed();

create function cron.schedule(schedule text, command text) returns bigint
language sql as $$
  insert into cron.job (schedule, command) values (schedule, command) returning jobid;
$$;

create function cron.schedule(job_name text, schedule text, command text) returns bigint
language sql as $$
  insert into cron.job (jobname, schedule, command) values (job_name, schedule, command)
  on conflict (jobname, username) do update set schedule = excluded.schedule, command = excluded.command
  returning jobid;
$$;

create function cron.schedule_in_database(
  job_name text, schedule text, command text, database text,
  username text default null, active boolean default true
) returns bigint language sql as $$
  insert into cron.job (jobname, schedule, command, database, username, active)
  values (job_name, schedule, command, database, coalesce(username, current_user), coalesce(active, true))
  on conflict (jobname, username) do update
    set schedule = excluded.schedule, command = excluded.command,
        database = excluded.database, active = excluded.active
  returning jobid;
$$;
revoke all on function cron.schedule_in_database(text, text, text, text, text, boolean) from public;

create function cron.alter_job(
  job_id bigint, schedule text default null, command text default null,
  database text default null, username text default null, active boolean default null
) returns void language plpgsql as $$
begin
  update cron.job j set
    schedule = coalesce(alter_job.schedule, j.schedule),
    command = coalesce(alter_job.command, j.command),
    database = coalesce(alter_job.database, j.database),
    username = coalesce(alter_job.username, j.username),
    active = coalesce(alter_job.active, j.active)
  where j.jobid = job_id;
  if not found then
    raise exception 'could not find valid entry for job %', job_id using errcode = '22023';
  end if;
end;
$$;
revoke all on function cron.alter_job(bigint, text, text, text, text, boolean) from public;

create function cron.unschedule(job_id bigint) returns boolean
language plpgsql as $$
begin
  delete from cron.job where jobid = job_id;
  if not found then
    raise exception 'could not find valid entry for job %', job_id using errcode = '22023';
  end if;
  return true;
end;
$$;

create function cron.unschedule(job_name text) returns boolean
language plpgsql as $$
begin
  delete from cron.job where jobname = job_name and username = current_user;
  if not found then
    raise exception 'could not find valid entry for job ''%''', job_name using errcode = '22023';
  end if;
  return true;
end;
$$;

-- Delivered when CREATE EXTENSION commits: the scheduler loads the (empty) job table.
select pg_notify('cron_jobs_changed', 'extension created');
