-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_cron" to load this file. \quit

create schema cron;

create table if not exists cron.job (
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

create table if not exists cron.job_run_details (
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
create index if not exists job_run_details_jobid_idx on cron.job_run_details (jobid);

create or replace function cron.validate_schedule(schedule text) returns void
language plpgsql immutable as $$
begin
  if schedule !~ '^\s*(\d+\s+seconds?|(\S+\s+){4}\S+|@(yearly|annually|monthly|weekly|daily|hourly|midnight|reboot))\s*$' then
    raise exception 'invalid schedule: %', schedule using errcode = '22023';
  end if;
end;
$$;

create or replace function cron.schedule(schedule text, command text) returns bigint
language plpgsql as $$
declare
  new_id bigint;
begin
  perform cron.validate_schedule(schedule);
  insert into cron.job (schedule, command, username) values (schedule, command, current_user)
  returning jobid into new_id;
  perform pg_notify('cron_jobs_changed', new_id::text);
  return new_id;
end;
$$;

create or replace function cron.schedule(job_name text, schedule text, command text) returns bigint
language plpgsql as $$
declare
  new_id bigint;
begin
  perform cron.validate_schedule(schedule);
  insert into cron.job (jobname, schedule, command, username)
  values (job_name, schedule, command, current_user)
  on conflict (jobname, username) do update set schedule = excluded.schedule, command = excluded.command
  returning jobid into new_id;
  perform pg_notify('cron_jobs_changed', new_id::text);
  return new_id;
end;
$$;

create or replace function cron.unschedule(job_id bigint) returns boolean
language plpgsql as $$
begin
  delete from cron.job where jobid = job_id;
  if not found then
    raise exception 'could not find valid entry for job %', job_id;
  end if;
  perform pg_notify('cron_jobs_changed', job_id::text);
  return true;
end;
$$;

create or replace function cron.unschedule(job_name text) returns boolean
language plpgsql as $$
declare
  removed bigint;
begin
  delete from cron.job where jobname = job_name and username = current_user returning jobid into removed;
  if removed is null then
    raise exception 'could not find valid entry for job ''%''', job_name;
  end if;
  perform pg_notify('cron_jobs_changed', removed::text);
  return true;
end;
$$;

grant usage on schema cron to postgres;
